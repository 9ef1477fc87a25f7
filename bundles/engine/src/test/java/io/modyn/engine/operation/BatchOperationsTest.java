package io.modyn.engine.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch operations over the in-memory reference storage. */
class BatchOperationsTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);

    private DynamoDbEngine engine;

    @BeforeEach
    void createTable() {
        StorageBinding storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
        engine.createTable(new CreateTableRequest("things", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null), CONTEXT);
    }

    @Test
    void batchWriteThenBatchGetReturnsEveryItem() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) writes.add(new WriteRequest(item("k" + i), null));
        engine.batchWriteItem(new BatchWriteItemRequest(Map.of("things", writes), null, null), CONTEXT);

        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) keys.add(Map.of("id", AttributeValue.s("k" + i)));
        BatchGetItemResponse response = engine.batchGetItem(new BatchGetItemRequest(
                Map.of("things", new KeysAndAttributes(keys, null, null, null, null)), null), CONTEXT);
        assertEquals(25, response.responses().get("things").size());
        assertEquals(Map.of(), response.unprocessedKeys());
    }

    @Test
    void batchWriteWithDuplicateKeysWritesNothing() {
        List<WriteRequest> writes = List.of(new WriteRequest(item("a"), null), new WriteRequest(item("b"), null),
                new WriteRequest(null, Map.of("id", AttributeValue.s("a"))));
        DynamoException e = assertThrows(DynamoException.class,
                () -> engine.batchWriteItem(new BatchWriteItemRequest(Map.of("things", writes), null, null), CONTEXT));
        assertEquals("Provided list of item keys contains duplicates", e.getMessage());
        assertNull(engine.getItem(new GetItemRequest("things", Map.of("id", AttributeValue.s("b")), null, null, null, null, null), CONTEXT).item());
    }

    @Test
    void batchWriteOfTwentySixItemsIsRefused() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) writes.add(new WriteRequest(item("k" + i), null));
        Map<String, List<WriteRequest>> request = new LinkedHashMap<>();
        request.put("things", writes.subList(0, 20));
        request.put("things2", writes.subList(20, 26));
        DynamoException e = assertThrows(DynamoException.class,
                () -> engine.batchWriteItem(new BatchWriteItemRequest(request, null, null), CONTEXT));
        assertEquals("Too many items requested for the BatchWriteItem call", e.getMessage());
    }

    @Test
    void batchGetOfUnknownTableIsResourceNotFound() {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.batchGetItem(new BatchGetItemRequest(
                Map.of("missing", new KeysAndAttributes(List.of(Map.of("id", AttributeValue.s("x"))), null, null, null, null)), null), CONTEXT));
        assertEquals("ResourceNotFoundException", e.type().wireName());
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.s(id), "v", AttributeValue.n(1));
    }
}
