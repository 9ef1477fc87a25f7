package io.modyn.engine.index;

import static io.modyn.engine.index.IndexSchemaRules.invalid;

import io.modyn.api.dynamodb.GlobalSecondaryIndexUpdate;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SecondaryIndex;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates (Create, Update of throughput, Delete) and what a
 * change of billing mode does to global indexes, validated with DynamoDB's messages.
 *
 * <p>A created index starts CREATING with Backfilling true and an empty keyspace;
 * {@link IndexBackfiller} fills it from the table and makes it ACTIVE. As in DynamoDB, one index
 * at a time is created or deleted. AttributeDefinitions in the request add to the table's, and
 * afterwards the table keeps exactly the definitions its keys and its indexes' keys use.
 */
public final class GlobalIndexUpdates {

    /** The table after the updates, and the indexes they create and delete. */
    public record Result(TableDefinition table, List<SecondaryIndex> created, List<SecondaryIndex> deleted) {
    }

    private static final String SUBSCRIBER_LIMIT = "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table";

    private GlobalIndexUpdates() {
    }

    /** The request-shape constraints of the updates, reported with UpdateTable's others. */
    public static void collect(ConstraintViolations v, List<GlobalSecondaryIndexUpdate> updates) {
        if (updates == null) return;
        for (int i = 0; i < updates.size(); i++) {
            String member = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
            GlobalSecondaryIndexUpdate update = updates.get(i);
            v.notNull(member, update);
            if (update == null) continue;
            if (update.create() != null) IndexRequestRules.collect(v, member + ".create", update.create(), true);
            if (isUpdate(update)) {
                v.notNull(member + ".update.indexName", update.updateIndexName());
                v.tableName(member + ".update.indexName", update.updateIndexName());
                v.notNull(member + ".update.provisionedThroughput", update.updateProvisionedThroughput());
                IndexRequestRules.throughput(v, member + ".update.provisionedThroughput", update.updateProvisionedThroughput());
            }
            if (update.deleteIndexName() != null) v.tableName(member + ".delete.indexName", update.deleteIndexName());
        }
    }

    /**
     * Applies the request's index updates and the effect of its billing mode on global indexes.
     *
     * @param targetBillingMode the billing mode the table will have after the request
     * @param tableThroughputChanges whether the request changes the table's provisioned throughput
     */
    public static Result apply(TableDefinition table, UpdateTableRequest request, String targetBillingMode, boolean tableThroughputChanges,
            Instant now) {
        List<GlobalSecondaryIndexUpdate> updates = request.globalSecondaryIndexUpdates();
        if (updates != null) checkShape(table, request, updates, tableThroughputChanges);
        boolean onDemand = BillingModeSummary.PAY_PER_REQUEST.equals(targetBillingMode);
        boolean switchingToProvisioned = !onDemand && !targetBillingMode.equals(table.billingMode());
        Map<String, SecondaryIndex> globals = new LinkedHashMap<>();
        table.globalSecondaryIndexes().forEach(index -> globals.put(index.indexName(), index));
        Set<String> throughputGiven = new HashSet<>();
        List<SecondaryIndex> created = new ArrayList<>();
        List<SecondaryIndex> deleted = new ArrayList<>();
        for (GlobalSecondaryIndexUpdate update : updates == null ? List.<GlobalSecondaryIndexUpdate>of() : updates) {
            if (update.create() != null) {
                SecondaryIndex index = create(table, request, update.create(), onDemand);
                globals.put(index.indexName(), index);
                created.add(index);
            } else if (update.deleteIndexName() != null) {
                deleted.add(globals.remove(existing(table, globals, update.deleteIndexName(), "delete").indexName()));
            } else {
                SecondaryIndex index = existing(table, globals, update.updateIndexName(), "update");
                globals.put(index.indexName(), changeThroughput(index, update.updateProvisionedThroughput(), onDemand, switchingToProvisioned, now));
                throughputGiven.add(index.indexName());
            }
        }
        if (switchingToProvisioned) {
            List<String> missing = new ArrayList<>();
            for (SecondaryIndex index : globals.values()) {
                if (!throughputGiven.contains(index.indexName()) && !created.contains(index)) missing.add(index.indexName());
            }
            if (!missing.isEmpty()) throw invalid("ProvisionedThroughput must be specified for index: " + String.join(",", missing));
        }
        if (onDemand && !targetBillingMode.equals(table.billingMode())) {
            globals.replaceAll((name, index) -> withThroughput(index, onDemandThroughput(index.provisionedThroughput())));
        }
        TableDefinition updated = table.toBuilder().globalSecondaryIndexes(List.copyOf(globals.values()))
                .attributeDefinitions(usedDefinitions(table, request, globals.values())).build();
        return new Result(updated, created, deleted);
    }

    private static boolean isUpdate(GlobalSecondaryIndexUpdate update) {
        return update.updateIndexName() != null || update.updateProvisionedThroughput() != null;
    }

    private static void checkShape(TableDefinition table, UpdateTableRequest request, List<GlobalSecondaryIndexUpdate> updates,
            boolean tableThroughputChanges) {
        if (updates.isEmpty()) throw invalid("List of GlobalSecondaryIndexUpdates is empty");
        Set<String> names = new HashSet<>();
        int createsAndDeletes = 0;
        for (GlobalSecondaryIndexUpdate update : updates) {
            int actions = (update.create() != null ? 1 : 0) + (isUpdate(update) ? 1 : 0) + (update.deleteIndexName() != null ? 1 : 0);
            if (actions == 0) {
                throw invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions > 1) throw invalid("Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            String name = update.create() != null ? update.create().indexName()
                    : update.deleteIndexName() != null ? update.deleteIndexName() : update.updateIndexName();
            if (!names.add(name)) throw invalid("Only one global secondary index update per index is allowed simultaneously. Index: " + name);
            if (!isUpdate(update)) createsAndDeletes++;
        }
        if (createsAndDeletes == 0) return;
        if (tableThroughputChanges) throw invalid("You cannot create or delete index while updating table IOPS");
        if (request.streamSpecification() != null) throw invalid("You cannot create or delete index while changing stream status");
        // An index still being created counts as the one in progress, unless this request deletes it.
        boolean otherInProgress = table.globalSecondaryIndexes().stream()
                .anyMatch(index -> index.backfilling() && updates.stream().noneMatch(u -> index.indexName().equals(u.deleteIndexName())));
        if (createsAndDeletes > 1 || otherInProgress) throw new DynamoException(ErrorType.LIMIT_EXCEEDED, SUBSCRIBER_LIMIT);
    }

    private static SecondaryIndex create(TableDefinition table, UpdateTableRequest request, SecondaryIndexRequest create, boolean onDemand) {
        if (table.index(create.indexName()) != null) throw DynamoException.validation("Attempting to create an index which already exists");
        if (table.globalSecondaryIndexes().size() >= IndexDefinitions.MAX_GLOBAL_INDEXES) {
            throw new DynamoException(ErrorType.LIMIT_EXCEEDED,
                    "GlobalSecondaryIndex count exceeds the per-table limit of " + IndexDefinitions.MAX_GLOBAL_INDEXES);
        }
        if (request.attributeDefinitions() == null) throw invalid("AttributeDefinitions is not specified for index: " + create.indexName());
        List<String> defined = new ArrayList<>(mergedDefinitions(table, request).keySet());
        IndexDefinitions.checkDefined(List.of(create), defined);
        return IndexDefinitions.globalIndex(create, onDemand, IndexDefinitions.CREATING, true);
    }

    /** The global index an Update or Delete names; DynamoDB refuses local indexes and unknown names differently. */
    private static SecondaryIndex existing(TableDefinition table, Map<String, SecondaryIndex> globals, String name, String action) {
        SecondaryIndex index = globals.get(name);
        if (index != null) return index;
        if (table.index(name) != null) {
            throw DynamoException.validation("Cannot " + action + " an index that is not a GlobalSecondaryIndex: " + name);
        }
        throw DynamoException.resourceNotFound("Requested resource not found: Index " + name + " for table " + table.tableName());
    }

    private static SecondaryIndex changeThroughput(SecondaryIndex index, ProvisionedThroughput requested, boolean onDemand,
            boolean switchingToProvisioned, Instant now) {
        if (onDemand) {
            throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: " + index.indexName()
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        long read = requested.readCapacityUnits();
        long write = requested.writeCapacityUnits();
        IndexDefinitions.checkBounds(read, "ReadCapacityUnits");
        IndexDefinitions.checkBounds(write, "WriteCapacityUnits");
        ProvisionedThroughputDescription current = index.provisionedThroughput();
        if (switchingToProvisioned) {
            return withThroughput(index, new ProvisionedThroughputDescription(current.lastIncreaseDateTime(), current.lastDecreaseDateTime(),
                    current.numberOfDecreasesToday(), read, write));
        }
        if (read == current.readCapacityUnits() && write == current.writeCapacityUnits()) {
            throw DynamoException.validation("The provisioned throughput for the index " + index.indexName() + " will not change. The "
                    + "requested value equals the current value. Current ReadCapacityUnits provisioned for the index: "
                    + current.readCapacityUnits() + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for "
                    + "the index: " + current.writeCapacityUnits() + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon "
                    + "DynamoDB Developer Guide for current limits and how to request higher limits.");
        }
        boolean increase = read > current.readCapacityUnits() || write > current.writeCapacityUnits();
        boolean decrease = read < current.readCapacityUnits() || write < current.writeCapacityUnits();
        Instant lastDecrease = current.lastDecreaseDateTime();
        long decreasesToday = current.numberOfDecreasesToday();
        if (decrease) {
            boolean sameDay = lastDecrease != null
                    && lastDecrease.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
            decreasesToday = sameDay ? decreasesToday + 1 : 1;
            lastDecrease = now;
        }
        return withThroughput(index, new ProvisionedThroughputDescription(increase ? now : current.lastIncreaseDateTime(), lastDecrease,
                decreasesToday, read, write));
    }

    private static ProvisionedThroughputDescription onDemandThroughput(ProvisionedThroughputDescription current) {
        return new ProvisionedThroughputDescription(current.lastIncreaseDateTime(), current.lastDecreaseDateTime(),
                current.numberOfDecreasesToday(), 0, 0);
    }

    private static SecondaryIndex withThroughput(SecondaryIndex index, ProvisionedThroughputDescription throughput) {
        return new SecondaryIndex(index.indexName(), index.indexId(), index.keySchema(), index.projection(), throughput, index.indexStatus(),
                index.backfilling());
    }

    /** The table's definitions, then the request's new ones; a key attribute keeps the type it has. */
    private static Map<String, String> mergedDefinitions(TableDefinition table, UpdateTableRequest request) {
        Map<String, String> merged = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(d -> merged.put(d.attributeName(), d.attributeType()));
        if (request.attributeDefinitions() != null) {
            request.attributeDefinitions().forEach(d -> merged.putIfAbsent(d.attributeName(), d.attributeType()));
        }
        return merged;
    }

    private static List<AttributeDefinition> usedDefinitions(TableDefinition table, UpdateTableRequest request,
            Iterable<SecondaryIndex> globals) {
        Set<String> used = new HashSet<>();
        table.keySchema().forEach(k -> used.add(k.attributeName()));
        table.localSecondaryIndexes().forEach(index -> index.keySchema().forEach(k -> used.add(k.attributeName())));
        for (SecondaryIndex index : globals) {
            for (KeySchemaElement k : index.keySchema()) used.add(k.attributeName());
        }
        List<AttributeDefinition> definitions = new ArrayList<>();
        mergedDefinitions(table, request).forEach((name, type) -> {
            if (used.contains(name)) definitions.add(new AttributeDefinition(name, type));
        });
        return definitions;
    }
}
