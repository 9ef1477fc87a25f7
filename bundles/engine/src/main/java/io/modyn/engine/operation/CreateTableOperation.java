package io.modyn.engine.operation;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.control.TableOptions;
import io.modyn.engine.control.TableTags;
import io.modyn.engine.policy.CanonicalPolicy;
import io.modyn.engine.policy.PolicyDocumentRules;
import io.modyn.engine.policy.ResourcePolicyStore;
import io.modyn.engine.index.IndexDefinitions;
import io.modyn.engine.index.IndexPlan;
import io.modyn.api.model.SseDescription;
import io.modyn.engine.encryption.KeyRing;
import io.modyn.engine.encryption.SseSpecifications;
import io.modyn.engine.encryption.TableKeys;
import io.modyn.engine.index.IndexRequestRules;
import io.modyn.engine.index.ItemCollections;
import io.modyn.engine.stream.StreamSettings;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CreateTable. The table is usable as soon as this returns; the response reports CREATING as
 * DynamoDB's does, and DescribeTable reports ACTIVE from then on, so SDK waiters finish at once.
 */
public final class CreateTableOperation {

    private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;

    private final EngineSettings settings;

    public CreateTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public CreateTableResponse execute(CreateTableRequest request, StorageBinding.Bound bound, AccessCheck access) {
        validate(request);
        SseSpecifications.Choice encryption = SseSpecifications.choose(request.sseSpecification());
        CanonicalPolicy policy = request.resourcePolicy() == null ? null : PolicyDocumentRules.check(request.resourcePolicy(), false);
        access.require(arns -> ControlPlaneAccess.createTable(arns, request.tableName(), request.tags(), request.resourcePolicy() != null));
        boolean onDemand = BillingModeSummary.PAY_PER_REQUEST.equals(request.billingMode());
        Instant now = Instant.now();
        ProvisionedThroughput requested = request.provisionedThroughput();
        ProvisionedThroughputDescription throughput = onDemand
                ? new ProvisionedThroughputDescription(null, null, 0, 0, 0)
                : new ProvisionedThroughputDescription(null, null, 0, requested.readCapacityUnits(), requested.writeCapacityUnits());
        BillingModeSummary billing = onDemand ? new BillingModeSummary(BillingModeSummary.PAY_PER_REQUEST, now) : null;
        IndexPlan indexes = IndexDefinitions.forCreate(request);
        TableDefinition table = TableDefinition.builder().tableName(request.tableName()).tableId(UUID.randomUUID().toString())
                .keySchema(request.keySchema()).attributeDefinitions(request.attributeDefinitions())
                .billingModeSummary(billing).provisionedThroughput(throughput).creationDateTime(now).tableStatus(TableDefinition.ACTIVE)
                .globalSecondaryIndexes(indexes.globalSecondaryIndexes()).localSecondaryIndexes(indexes.localSecondaryIndexes())
                .build();
        table = StreamSettings.forCreate(table, request.streamSpecification());
        table = TableOptions.forCreate(table, request);
        KeyRing ring = createKeys(table, encryption, bound, access);
        try {
            createTable(table, bound);
        } catch (RuntimeException e) {
            if (ring != null) bound.keys().forget(table.tableId());
            throw e;
        }
        TableTags.storeOnCreate(bound, table, request.tags());
        ResourcePolicyStore.storeOnCreate(bound, table, settings.tableArn(table.tableName()), policy, System.currentTimeMillis());
        return new CreateTableResponse(TableDescriptions.empty(table, TableDefinition.CREATING, settings,
                SseSpecifications.describe(ring, SseDescription.ENABLED)));
    }

    /**
     * Issues the table's first data key before the table exists, so no write can precede it: under
     * the KMS key asked for, or under the owned key with {@code --encrypt-all}; none otherwise.
     */
    private static KeyRing createKeys(TableDefinition table, SseSpecifications.Choice encryption, StorageBinding.Bound bound,
            AccessCheck access) {
        if (encryption != null && encryption.mode() != KeyRing.Mode.OWNED) {
            return bound.keys().create(table.tableId(), encryption.mode(), encryption.masterKeyId(), access.context());
        }
        if (bound.keys().settings().encryptAll()) return bound.keys().create(table.tableId(), KeyRing.Mode.OWNED, TableKeys.AWS_MANAGED_KEY);
        return null;
    }

    /** Creates the table, with the keyspace of its item collection sizes when it has local indexes. */
    private static void createTable(TableDefinition table, StorageBinding.Bound bound) {
        if (!ItemCollections.tracked(table)) {
            bound.catalog().create(table);
            return;
        }
        bound.storage().createKeyspace(ItemCollections.keyspace(table));
        try {
            bound.catalog().create(table);
        } catch (DynamoException e) {
            bound.storage().dropKeyspace(ItemCollections.keyspace(table));
            throw e;
        }
    }

    private static void validate(CreateTableRequest request) {
        ConstraintViolations v = RequestRules.newTableName(request.tableName());
        v.notNull("attributeDefinitions", request.attributeDefinitions());
        if (request.attributeDefinitions() != null) {
            for (int i = 0; i < request.attributeDefinitions().size(); i++) {
                AttributeDefinition d = request.attributeDefinitions().get(i);
                String path = "attributeDefinitions." + (i + 1) + ".member";
                v.notNull(path, d);
                if (d == null) continue;
                path += ".";
                v.notNull(path + "attributeName", d.attributeName());
                v.notNull(path + "attributeType", d.attributeType());
                v.oneOf(path + "attributeType", d.attributeType(), Enums.SCALAR_ATTRIBUTE_TYPE);
            }
        }
        v.notNull("keySchema", request.keySchema());
        v.sizeAtLeast("keySchema", request.keySchema(), 1);
        v.sizeAtMost("keySchema", request.keySchema(), 2);
        if (request.keySchema() != null) {
            for (int i = 0; i < request.keySchema().size(); i++) {
                KeySchemaElement k = request.keySchema().get(i);
                String path = "keySchema." + (i + 1) + ".member";
                v.notNull(path, k);
                if (k == null) continue;
                path += ".";
                v.notNull(path + "attributeName", k.attributeName());
                v.notNull(path + "keyType", k.keyType());
                v.oneOf(path + "keyType", k.keyType(), Enums.KEY_TYPE);
            }
        }
        v.oneOf("billingMode", request.billingMode(), Enums.BILLING_MODE);
        ProvisionedThroughput pt = request.provisionedThroughput();
        if (pt != null) {
            v.notNull("provisionedThroughput.writeCapacityUnits", pt.writeCapacityUnits());
            v.atLeast("provisionedThroughput.writeCapacityUnits", pt.writeCapacityUnits(), 1);
            v.notNull("provisionedThroughput.readCapacityUnits", pt.readCapacityUnits());
            v.atLeast("provisionedThroughput.readCapacityUnits", pt.readCapacityUnits(), 1);
        }
        // DynamoDB reports the global indexes' violations before the local ones', whatever the request's order.
        IndexRequestRules.collect(v, "globalSecondaryIndexes", request.globalSecondaryIndexes(), true);
        IndexRequestRules.collect(v, "localSecondaryIndexes", request.localSecondaryIndexes(), false);
        v.throwIfAny();

        if (BillingModeSummary.PAY_PER_REQUEST.equals(request.billingMode())) {
            if (pt != null) {
                throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (pt == null) throw invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            if (pt.readCapacityUnits() > MAX_CAPACITY_UNITS) {
                throw DynamoException.validation("Given value " + pt.readCapacityUnits() + " for ReadCapacityUnits is out of bounds");
            }
            if (pt.writeCapacityUnits() > MAX_CAPACITY_UNITS) {
                throw DynamoException.validation("Given value " + pt.writeCapacityUnits() + " for WriteCapacityUnits is out of bounds");
            }
        }
        validateKeySchema(request.keySchema(), request.attributeDefinitions());
    }

    private static void validateKeySchema(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions) {
        List<String> defined = definitions.stream().map(AttributeDefinition::attributeName).toList();
        List<String> keys = keySchema.stream().map(KeySchemaElement::attributeName).toList();
        if (defined.size() != definitions.stream().map(AttributeDefinition::attributeName).distinct().count()) {
            throw invalid("Duplicate AttributeName in AttributeDefinitions");
        }
        if (keys.size() > defined.size()) throw DynamoException.validation("Invalid KeySchema: Some index key attribute have no definition");
        if (!defined.containsAll(keys)) {
            throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                    + String.join(", ", keys) + "], AttributeDefinitions: [" + String.join(", ", defined) + "]");
        }
        if (keys.size() == 2 && keys.get(0).equals(keys.get(1))) {
            throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!keySchema.get(0).isHash()) throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        if (keySchema.size() == 2 && !KeySchemaElement.RANGE.equals(keySchema.get(1).keyType())) {
            throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        // Whether the definitions hold more than the keys is decided with the indexes' keys (IndexDefinitions).
    }

    private static DynamoException invalid(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }
}
