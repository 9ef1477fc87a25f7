package io.modyn.engine.transaction;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TransactConditionCheck;
import io.modyn.api.dynamodb.TransactDelete;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactPut;
import io.modyn.api.dynamodb.TransactUpdate;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.StorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ChangeHook;
import io.modyn.engine.write.ItemWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short builders for transaction requests in engine tests; tables are keyed by the string "id". */
public final class TransactRequests {

    public static final RequestContext CONTEXT = new RequestContext("test", null);

    private TransactRequests() {
    }

    public static DynamoDbEngine engine(StorageEngine storage, ChangeHook... hooks) {
        StorageBinding binding = new StorageBinding();
        binding.bind(storage);
        return new DynamoDbEngine(binding, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of(hooks)));
    }

    public static void createTable(DynamoDbEngine engine, String name) {
        engine.createTable(new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST", null), CONTEXT);
    }

    /** An item from name, value, name, value, ... */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            item.put((String) namesAndValues[i], value instanceof AttributeValue v ? v
                    : value instanceof Number number ? AttributeValue.n(number.toString()) : AttributeValue.s((String) value));
        }
        return item;
    }

    public static Map<String, AttributeValue> key(String id) {
        return item("id", id);
    }

    public static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return put(table, item, null, null, null);
    }

    public static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values,
            String returnValuesOnFailure) {
        return new TransactWriteItem(null, new TransactPut(table, item, condition, null, values, returnValuesOnFailure), null, null);
    }

    public static TransactWriteItem update(String table, String id, String update, String condition, Map<String, AttributeValue> values) {
        return new TransactWriteItem(null, null, null, new TransactUpdate(table, key(id), update, condition, null, values, null));
    }

    public static TransactWriteItem delete(String table, String id) {
        return new TransactWriteItem(null, null, new TransactDelete(table, key(id), null, null, null, null), null);
    }

    public static TransactWriteItem check(String table, String id, String condition) {
        return new TransactWriteItem(new TransactConditionCheck(table, key(id), condition, null, null, null), null, null, null);
    }

    public static TransactWriteItemsRequest write(TransactWriteItem... items) {
        return new TransactWriteItemsRequest(List.of(items), null, null, null);
    }

    public static TransactWriteItemsRequest write(String token, List<TransactWriteItem> items) {
        return new TransactWriteItemsRequest(items, null, null, token);
    }

    public static TransactGetItem get(String table, String id) {
        return new TransactGetItem(new TransactGet(table, key(id), null, null));
    }

    public static Map<String, AttributeValue> getItem(DynamoDbEngine engine, String table, String id) {
        return engine.getItem(new GetItemRequest(table, key(id), true, null, null, null, null), CONTEXT).item();
    }
}
