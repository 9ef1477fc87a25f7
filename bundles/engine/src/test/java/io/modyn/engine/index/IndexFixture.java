package io.modyn.engine.index;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An engine over in-memory storage with index maintenance, and short request builders for index tests. */
final class IndexFixture {

    static final RequestContext CONTEXT = new RequestContext("test", null);

    final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    final DynamoDbEngine engine;

    IndexFixture() {
        this(ItemCollections.MAX_BYTES);
    }

    IndexFixture(long itemCollectionLimit) {
        StorageBinding binding = new StorageBinding();
        binding.bind(storage);
        engine = new DynamoDbEngine(binding, new EngineSettings("us-east-1", "000000000000"),
                new ItemWriter(List.of(new IndexMaintainer(itemCollectionLimit))));
    }

    // ---- definitions

    static List<AttributeDefinition> defs(String... nameTypePairs) {
        List<AttributeDefinition> defs = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) defs.add(new AttributeDefinition(nameTypePairs[i], nameTypePairs[i + 1]));
        return defs;
    }

    /** A key schema from alternating names and key types ("HASH"/"RANGE"). */
    static List<KeySchemaElement> keys(String... nameTypePairs) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) keys.add(new KeySchemaElement(nameTypePairs[i], nameTypePairs[i + 1]));
        return keys;
    }

    static SecondaryIndexRequest index(String name, List<KeySchemaElement> keySchema, IndexProjection projection) {
        return new SecondaryIndexRequest(name, keySchema, projection, null);
    }

    static IndexProjection all() {
        return new IndexProjection(IndexProjection.ALL, null);
    }

    static IndexProjection keysOnly() {
        return new IndexProjection(IndexProjection.KEYS_ONLY, null);
    }

    static IndexProjection include(String... attributes) {
        return new IndexProjection(IndexProjection.INCLUDE, List.of(attributes));
    }

    static CreateTableRequest table(String name, List<AttributeDefinition> defs, List<KeySchemaElement> keySchema,
            List<SecondaryIndexRequest> locals, List<SecondaryIndexRequest> globals) {
        return new CreateTableRequest(name, defs, keySchema, "PAY_PER_REQUEST", null, locals, globals, null, null, null, null);
    }

    void create(CreateTableRequest request) {
        engine.createTable(request, CONTEXT);
    }

    TableDescription describe(String table) {
        return engine.describeTable(new DescribeTableRequest(table), CONTEXT).table();
    }

    // ---- items

    /** An item from alternating names and values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.s(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.n(value);
    }

    void put(String table, Map<String, AttributeValue> item) {
        engine.putItem(new PutItemRequest(table, item, null, null, null, null, null, null, null, null, null), CONTEXT);
    }

    void update(String table, Map<String, AttributeValue> key, String updateExpression, Map<String, AttributeValue> values) {
        engine.updateItem(new UpdateItemRequest(table, key, null, null, null, null, null, null, updateExpression, null, null,
                values.isEmpty() ? null : values, null), CONTEXT);
    }

    void delete(String table, Map<String, AttributeValue> key) {
        engine.deleteItem(new DeleteItemRequest(table, key, null, null, null, null, null, null, null, null, null), CONTEXT);
    }

    // ---- reads

    Query query(String table, String index) {
        return new Query(table, index);
    }

    ScanResponse scan(String table, String index, Integer segment, Integer totalSegments, Map<String, AttributeValue> start) {
        return engine.scan(new ScanRequest(table, index, null, null, null, null, null, start, null, totalSegments, segment, null, null, null,
                null, null), CONTEXT);
    }

    /** A Query request built member by member. */
    final class Query {
        private final String table;
        private final String index;
        String keyCondition;
        String filter;
        String projection;
        String select;
        Integer limit;
        Boolean consistentRead;
        Boolean forward;
        String returnConsumedCapacity;
        Map<String, AttributeValue> start;
        final Map<String, AttributeValue> values = new LinkedHashMap<>();
        final Map<String, String> names = new LinkedHashMap<>();

        private Query(String table, String index) {
            this.table = table;
            this.index = index;
        }

        Query where(String keyConditionExpression, Object... placeholdersAndValues) {
            keyCondition = keyConditionExpression;
            for (int i = 0; i < placeholdersAndValues.length; i += 2) {
                values.put((String) placeholdersAndValues[i], (AttributeValue) placeholdersAndValues[i + 1]);
            }
            return this;
        }

        Query filter(String filterExpression, Object... placeholdersAndValues) {
            filter = filterExpression;
            for (int i = 0; i < placeholdersAndValues.length; i += 2) {
                values.put((String) placeholdersAndValues[i], (AttributeValue) placeholdersAndValues[i + 1]);
            }
            return this;
        }

        Query names(String... placeholdersAndNames) {
            for (int i = 0; i < placeholdersAndNames.length; i += 2) names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
            return this;
        }

        Query project(String projectionExpression) { projection = projectionExpression; return this; }
        Query select(String value) { select = value; return this; }
        Query limit(int value) { limit = value; return this; }
        Query consistent() { consistentRead = true; return this; }
        Query backwards() { forward = false; return this; }
        Query capacity(String value) { returnConsumedCapacity = value; return this; }
        Query after(Map<String, AttributeValue> key) { start = key; return this; }

        QueryResponse run() {
            return engine.query(new QueryRequest(table, index, select, null, limit, consistentRead, null, null, null, forward, start,
                    returnConsumedCapacity, projection, filter, keyCondition, names.isEmpty() ? null : names, values.isEmpty() ? null : values), CONTEXT);
        }

        /** Every page, following LastEvaluatedKey, items in order. */
        List<Map<String, AttributeValue>> all() {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Map<String, AttributeValue> saved = start;
            do {
                QueryResponse page = run();
                items.addAll(page.items());
                start = page.lastEvaluatedKey();
            } while (start != null);
            start = saved;
            return items;
        }
    }
}
