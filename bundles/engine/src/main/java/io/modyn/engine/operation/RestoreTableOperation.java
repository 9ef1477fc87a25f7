package io.modyn.engine.operation;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.RestoreSummary;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.SseSpecification;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.tables.TableRestore;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Makes a new table from a table archive: the table is created as CreateTable would create it from
 * the archived table's settings and the request's overrides (so every override is validated with
 * CreateTable's rules and messages, and the new table gets its own keys when it is encrypted), then
 * marked CREATING with its restore summary, and {@link ArchiveLoader} writes the items in the
 * background, after which it is ACTIVE. As DynamoDB does, the restored table has no stream, TTL,
 * tags, resource policy or deletion protection: those are set again by the owner.
 */
public final class RestoreTableOperation {

    private final EngineSettings settings;
    private final CreateTableOperation createTable;
    private final ArchiveLoader loader;
    private final Executor background;

    public RestoreTableOperation(EngineSettings settings, ArchiveLoader loader, Executor background) {
        this.settings = settings;
        this.createTable = new CreateTableOperation(settings);
        this.loader = loader;
        this.background = background;
    }

    public TableDescription execute(TableRestore restore, StorageBinding.Bound bound) {
        String target = restore.targetTableName();
        RequestRules.newTableName(target).throwIfAny();
        if (bound.catalog().reload(target) != null) throw alreadyExists(target);
        TableDefinition source = restore.archive().source().definition();
        try {
            createTable.execute(createRequest(restore), bound, AccessCheck.OPEN);
        } catch (DynamoException e) {
            if (e.type() == ErrorType.RESOURCE_IN_USE) throw alreadyExists(target);
            throw e;
        }
        TableDefinition created = bound.catalog().reload(target);
        RestoreSummary summary = restore.summary();
        TableDefinition creating = created.toBuilder().tableStatus(TableDefinition.CREATING)
                .restoreSummary(new RestoreSummary(summary.sourceBackupArn(), summary.sourceTableArn(), summary.restoreDateTime(), true))
                .build();
        bound.catalog().update(created, creating);
        background.execute(() -> loader.load(bound, restore.archive().keyspace(), source, creating, restore.dropArchiveWhenLoaded()));
        SseDescription sse = TableDescriptions.describe(creating, TableDefinition.CREATING, bound, settings).sseDescription();
        return TableDescriptions.empty(creating, TableDefinition.CREATING, settings, sse);
    }

    static DynamoException alreadyExists(String tableName) {
        return new DynamoException(ErrorType.TABLE_ALREADY_EXISTS, "Table already exists: " + tableName);
    }

    /** The CreateTable request that makes the target: the archived settings, with the overrides. */
    static CreateTableRequest createRequest(TableRestore restore) {
        TableDefinition source = restore.archive().source().definition();
        String billing = restore.billingModeOverride() != null ? restore.billingModeOverride() : source.billingMode();
        boolean onDemand = BillingModeSummary.PAY_PER_REQUEST.equals(billing);
        ProvisionedThroughput throughput = null;
        if (!onDemand) {
            throughput = restore.provisionedThroughputOverride() != null ? restore.provisionedThroughputOverride()
                    : capacity(source.provisionedThroughput());
        }
        List<SecondaryIndexRequest> globals = restore.globalSecondaryIndexOverride() != null
                ? withCapacity(restore.globalSecondaryIndexOverride(), onDemand, throughput)
                : withCapacity(requests(source.globalSecondaryIndexes(), true), onDemand, throughput);
        List<SecondaryIndexRequest> locals = restore.localSecondaryIndexOverride() != null ? restore.localSecondaryIndexOverride()
                : requests(source.localSecondaryIndexes(), false);
        SseSpecification sse = restore.sseSpecificationOverride();
        SseDescription sourceSse = restore.archive().source().sseDescription();
        if (sse == null && sourceSse != null) sse = new SseSpecification(true, SseDescription.KMS, sourceSse.kmsMasterKeyArn());
        return new CreateTableRequest(restore.targetTableName(), usedDefinitions(source, globals, locals), source.keySchema(), billing,
                throughput, locals.isEmpty() ? null : locals, globals.isEmpty() ? null : globals, null, null, source.tableClass(), null,
                null, sse);
    }

    private static ProvisionedThroughput capacity(ProvisionedThroughputDescription description) {
        if (description == null || description.readCapacityUnits() == 0) return new ProvisionedThroughput(5L, 5L);
        return new ProvisionedThroughput(description.readCapacityUnits(), description.writeCapacityUnits());
    }

    private static List<SecondaryIndexRequest> requests(List<SecondaryIndex> indexes, boolean global) {
        List<SecondaryIndexRequest> requests = new ArrayList<>();
        for (SecondaryIndex index : indexes) {
            ProvisionedThroughput capacity = global && index.provisionedThroughput() != null
                    && index.provisionedThroughput().readCapacityUnits() > 0 ? capacity(index.provisionedThroughput()) : null;
            requests.add(new SecondaryIndexRequest(index.indexName(), index.keySchema(), index.projection(), capacity));
        }
        return requests;
    }

    /** Global indexes of an on-demand table have no capacity; those of a provisioned one get the table's if they have none. */
    private static List<SecondaryIndexRequest> withCapacity(List<SecondaryIndexRequest> indexes, boolean onDemand, ProvisionedThroughput table) {
        List<SecondaryIndexRequest> adjusted = new ArrayList<>();
        for (SecondaryIndexRequest index : indexes) {
            ProvisionedThroughput capacity = onDemand ? null : index.provisionedThroughput() != null ? index.provisionedThroughput() : table;
            adjusted.add(new SecondaryIndexRequest(index.indexName(), index.keySchema(), index.projection(), capacity));
        }
        return adjusted;
    }

    /** The archived attribute definitions that the table's and the indexes' keys use (CreateTable refuses others). */
    private static List<AttributeDefinition> usedDefinitions(TableDefinition source, List<SecondaryIndexRequest> globals,
            List<SecondaryIndexRequest> locals) {
        Set<String> used = new LinkedHashSet<>();
        source.keySchema().forEach(k -> used.add(k.attributeName()));
        for (SecondaryIndexRequest index : globals) for (KeySchemaElement k : index.keySchema()) used.add(k.attributeName());
        for (SecondaryIndexRequest index : locals) for (KeySchemaElement k : index.keySchema()) used.add(k.attributeName());
        return source.attributeDefinitions().stream().filter(d -> used.contains(d.attributeName())).toList();
    }
}
