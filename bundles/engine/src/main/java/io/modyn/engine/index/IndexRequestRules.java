package io.modyn.engine.index;

import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.List;

/**
 * The request-shape constraints on secondary index definitions (CreateTable's indexes,
 * UpdateTable's Create), reported with the table's other constraint violations in DynamoDB's
 * "N validation errors detected" form. A global index's key schema may hold up to eight
 * elements (four partition and four sort attributes); a local index's two.
 */
public final class IndexRequestRules {

    static final int MAX_GLOBAL_KEY_ELEMENTS = 8;
    private static final List<String> PROJECTION_TYPES = List.of(IndexProjection.ALL, IndexProjection.INCLUDE, IndexProjection.KEYS_ONLY);

    private IndexRequestRules() {
    }

    /** @param path the list member, such as {@code globalSecondaryIndexes} */
    public static void collect(ConstraintViolations v, String path, List<SecondaryIndexRequest> indexes, boolean global) {
        if (indexes == null) return;
        for (int i = 0; i < indexes.size(); i++) {
            String member = path + "." + (i + 1) + ".member";
            v.notNull(member, indexes.get(i));
            if (indexes.get(i) != null) collect(v, member, indexes.get(i), global);
        }
    }

    /** One index definition at {@code path} (a list member, or UpdateTable's {@code ...create}). */
    public static void collect(ConstraintViolations v, String path, SecondaryIndexRequest index, boolean global) {
        // DynamoDB reports a local index's name first and a global index's last.
        if (!global) indexName(v, path, index);
        keySchema(v, path + ".keySchema", index.keySchema(), global ? MAX_GLOBAL_KEY_ELEMENTS : 2);
        projection(v, path + ".projection", index.projection());
        if (global) {
            indexName(v, path, index);
            throughput(v, path + ".provisionedThroughput", index.provisionedThroughput());
        }
    }

    /** The provisioned throughput members at {@code path}, when it is given. */
    public static void throughput(ConstraintViolations v, String path, ProvisionedThroughput throughput) {
        if (throughput == null) return;
        v.notNull(path + ".writeCapacityUnits", throughput.writeCapacityUnits());
        v.atLeast(path + ".writeCapacityUnits", throughput.writeCapacityUnits(), 1);
        v.notNull(path + ".readCapacityUnits", throughput.readCapacityUnits());
        v.atLeast(path + ".readCapacityUnits", throughput.readCapacityUnits(), 1);
    }

    private static void indexName(ConstraintViolations v, String path, SecondaryIndexRequest index) {
        v.notNull(path + ".indexName", index.indexName());
        v.tableName(path + ".indexName", index.indexName());
    }

    private static void keySchema(ConstraintViolations v, String path, List<KeySchemaElement> keySchema, int maxElements) {
        v.notNull(path, keySchema);
        v.sizeAtLeast(path, keySchema, 1);
        v.sizeAtMost(path, keySchema, maxElements);
        if (keySchema == null) return;
        for (int j = 0; j < keySchema.size(); j++) {
            String element = path + "." + (j + 1) + ".member";
            KeySchemaElement k = keySchema.get(j);
            v.notNull(element, k);
            if (k == null) continue;
            v.notNull(element + ".attributeName", k.attributeName());
            v.notNull(element + ".keyType", k.keyType());
            v.oneOf(element + ".keyType", k.keyType(), Enums.KEY_TYPE);
        }
    }

    private static void projection(ConstraintViolations v, String path, IndexProjection projection) {
        v.notNull(path, projection);
        if (projection == null) return;
        v.oneOf(path + ".projectionType", projection.projectionType(), PROJECTION_TYPES);
        v.sizeAtLeast(path + ".nonKeyAttributes", projection.nonKeyAttributes(), 1);
        v.noNullElements(path + ".nonKeyAttributes", projection.nonKeyAttributes());
    }
}
