package io.modyn.engine.index;

import static io.modyn.engine.index.IndexSchemaRules.invalid;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.BillingModeSummary;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.ProvisionedThroughputDescription;
import io.modyn.api.model.SecondaryIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * CreateTable's secondary indexes: validated in the order DynamoDB validates them (empty lists,
 * local indexes, global indexes, names shared across both, then whether AttributeDefinitions
 * defines exactly the key attributes of the table and its indexes), and given their ids.
 */
public final class IndexDefinitions {

    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_LOCAL_INDEXES = 5;
    static final String ACTIVE = "ACTIVE";
    static final String CREATING = "CREATING";
    private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;

    private IndexDefinitions() {
    }

    /**
     * Validates the request's LSIs and GSIs with DynamoDB's messages and gives them ids. Runs after
     * the table's own key schema checks; ends with the AttributeDefinitions check, for tables with
     * and without indexes.
     */
    public static IndexPlan forCreate(CreateTableRequest request) {
        List<SecondaryIndexRequest> locals = request.localSecondaryIndexes();
        List<SecondaryIndexRequest> globals = request.globalSecondaryIndexes();
        if (locals != null && locals.isEmpty()) throw invalid("List of LocalSecondaryIndexes is empty");
        if (globals != null && globals.isEmpty()) throw invalid("List of GlobalSecondaryIndexes is empty");
        List<String> defined = request.attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList();
        List<SecondaryIndex> localIndexes = locals == null ? List.of() : locals(request, locals, defined);
        boolean onDemand = BillingModeSummary.PAY_PER_REQUEST.equals(request.billingMode());
        List<SecondaryIndex> globalIndexes = globals == null ? List.of() : globals(globals, defined, onDemand);
        Set<String> names = new HashSet<>();
        for (SecondaryIndex index : localIndexes) names.add(index.indexName());
        for (SecondaryIndex index : globalIndexes) {
            if (!names.add(index.indexName())) throw invalid("Duplicate index name: " + index.indexName());
        }
        checkAttributeDefinitions(request, defined, locals != null || globals != null);
        return new IndexPlan(globalIndexes, localIndexes);
    }

    /** A global index as defined by CreateTable or UpdateTable's Create, after its own checks. */
    static SecondaryIndex globalIndex(SecondaryIndexRequest request, boolean onDemand, String status, boolean backfilling) {
        IndexSchemaRules.checkKeySchema(request.keySchema(), true);
        IndexSchemaRules.checkProjection(request.projection());
        return new SecondaryIndex(request.indexName(), UUID.randomUUID().toString(), request.keySchema(), request.projection(),
                throughput(request, onDemand), status, backfilling);
    }

    /** DynamoDB's message for index key attributes missing from AttributeDefinitions. */
    static void checkDefined(List<SecondaryIndexRequest> indexes, List<String> defined) {
        Set<String> keys = new LinkedHashSet<>();
        for (SecondaryIndexRequest index : indexes) index.keySchema().forEach(k -> keys.add(k.attributeName()));
        if (!defined.containsAll(keys)) {
            throw invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [" + String.join(", ", keys)
                    + "], AttributeDefinitions: [" + String.join(", ", defined) + "]");
        }
    }

    private static List<SecondaryIndex> locals(CreateTableRequest request, List<SecondaryIndexRequest> locals, List<String> defined) {
        if (request.keySchema().size() < 2) {
            throw invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        checkDefined(locals, defined);
        String tableHashKey = request.keySchema().get(0).attributeName();
        List<SecondaryIndex> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SecondaryIndexRequest local : locals) {
            IndexSchemaRules.checkKeySchema(local.keySchema(), false);
            if (local.keySchema().size() != 2) throw invalid("Index KeySchema does not have a range key for index: " + local.indexName());
            String indexHashKey = local.keySchema().get(0).attributeName();
            if (!indexHashKey.equals(tableHashKey)) {
                throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: " + local.indexName()
                        + ". index hash key: " + indexHashKey + ", table hash key: " + tableHashKey);
            }
            IndexSchemaRules.checkProjection(local.projection());
            if (!names.add(local.indexName())) throw invalid("Duplicate index name: " + local.indexName());
            indexes.add(new SecondaryIndex(local.indexName(), UUID.randomUUID().toString(), local.keySchema(), local.projection(), null,
                    ACTIVE, false));
        }
        if (indexes.size() > MAX_LOCAL_INDEXES) {
            throw invalid("Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
        }
        return indexes;
    }

    private static List<SecondaryIndex> globals(List<SecondaryIndexRequest> globals, List<String> defined, boolean onDemand) {
        checkDefined(globals, defined);
        List<SecondaryIndex> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SecondaryIndexRequest global : globals) {
            IndexSchemaRules.checkKeySchema(global.keySchema(), true);
            IndexSchemaRules.checkProjection(global.projection());
        }
        for (SecondaryIndexRequest global : globals) {
            if (!names.add(global.indexName())) throw invalid("Duplicate index name: " + global.indexName());
        }
        if (globals.size() > MAX_GLOBAL_INDEXES) {
            throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
        }
        for (SecondaryIndexRequest global : globals) indexes.add(globalIndex(global, onDemand, ACTIVE, false));
        return indexes;
    }

    private static ProvisionedThroughputDescription throughput(SecondaryIndexRequest index, boolean onDemand) {
        ProvisionedThroughput requested = index.provisionedThroughput();
        if (onDemand) {
            if (requested != null) {
                throw invalid("ProvisionedThroughput should not be specified for index: " + index.indexName()
                        + " when BillingMode is PAY_PER_REQUEST");
            }
            return new ProvisionedThroughputDescription(null, null, 0, 0, 0);
        }
        if (requested == null) throw invalid("ProvisionedThroughput is not specified for index: " + index.indexName());
        checkBounds(requested.readCapacityUnits(), "ReadCapacityUnits");
        checkBounds(requested.writeCapacityUnits(), "WriteCapacityUnits");
        return new ProvisionedThroughputDescription(null, null, 0, requested.readCapacityUnits(), requested.writeCapacityUnits());
    }

    static void checkBounds(long units, String member) {
        if (units > MAX_CAPACITY_UNITS) throw DynamoException.validation("Given value " + units + " for " + member + " is out of bounds");
    }

    /**
     * AttributeDefinitions must define exactly the key attributes of the table and its indexes.
     * Missing definitions are reported by the key checks before; what is left is a surplus, which
     * DynamoDB words differently for tables with and without indexes.
     */
    private static void checkAttributeDefinitions(CreateTableRequest request, List<String> defined, boolean hasIndexes) {
        Set<String> used = new LinkedHashSet<>();
        request.keySchema().forEach(k -> used.add(k.attributeName()));
        addKeys(used, request.localSecondaryIndexes());
        addKeys(used, request.globalSecondaryIndexes());
        if (defined.size() == used.size()) return;
        if (!hasIndexes) {
            throw invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        throw invalid("Some AttributeDefinitions are not used. AttributeDefinitions: [" + String.join(", ", defined) + "], keys used: ["
                + String.join(", ", used) + "]");
    }

    private static void addKeys(Set<String> used, List<SecondaryIndexRequest> indexes) {
        if (indexes == null) return;
        for (SecondaryIndexRequest index : indexes) {
            for (KeySchemaElement k : index.keySchema()) used.add(k.attributeName());
        }
    }
}
