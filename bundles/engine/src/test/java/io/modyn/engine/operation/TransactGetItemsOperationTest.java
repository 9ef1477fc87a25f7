package io.modyn.engine.operation;

import static io.modyn.engine.transaction.TransactRequests.CONTEXT;
import static io.modyn.engine.transaction.TransactRequests.createTable;
import static io.modyn.engine.transaction.TransactRequests.get;
import static io.modyn.engine.transaction.TransactRequests.item;
import static io.modyn.engine.transaction.TransactRequests.key;
import static io.modyn.engine.transaction.TransactRequests.put;
import static io.modyn.engine.transaction.TransactRequests.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.transaction.TransactRequests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TransactGetItems through the engine over the in-memory reference storage. */
class TransactGetItemsOperationTest {

    private DynamoDbEngine engine;

    @BeforeEach
    void createTables() {
        engine = TransactRequests.engine(new InMemoryStorageEngine());
        createTable(engine, "accounts");
        createTable(engine, "ledger");
        engine.transactWriteItems(write(
                put("accounts", item("id", "a", "balance", 10, "owner", "ann")),
                put("accounts", item("id", "b", "balance", 20, "owner", "bob")),
                put("ledger", item("id", "big", "data", "x".repeat(5000)))), CONTEXT);
    }

    @Test
    void returnsItemsInRequestOrderWithNullForAMissingItem() {
        TransactGetItemsResponse response = engine.transactGetItems(new TransactGetItemsRequest(List.of(
                get("ledger", "missing"),
                new TransactGetItem(new TransactGet("accounts", key("b"), "#o, balance", Map.of("#o", "owner"))),
                get("accounts", "a")), null), CONTEXT);

        assertEquals(Arrays.asList(null, item("owner", "bob", "balance", 20), item("id", "a", "balance", 10, "owner", "ann")),
                response.responses());
        assertEquals(null, response.consumedCapacity());
    }

    @Test
    void capacityIsTwoReadUnitsPerFourKilobytesOfEachItem() {
        TransactGetItemsResponse response = engine.transactGetItems(new TransactGetItemsRequest(List.of(
                get("ledger", "big"), get("ledger", "missing"), get("accounts", "a")), "INDEXES"), CONTEXT);

        assertEquals(List.of(
                new ConsumedCapacity("ledger", 6.0, null, null, new Capacity(6.0, 6.0, null), null, null),
                new ConsumedCapacity("accounts", 2.0, null, null, new Capacity(2.0, 2.0, null), null, null)), response.consumedCapacity());
    }

    @Test
    void moreThanOneHundredGetsAreRefused() {
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < 101; i++) gets.add(get("accounts", "k" + i));
        DynamoException e = assertThrows(DynamoException.class, () -> engine.transactGetItems(new TransactGetItemsRequest(gets, null), CONTEXT));
        assertEquals("1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: "
                + "Member must have length less than or equal to 100", e.getMessage());
    }

    @Test
    void unusedAttributeNameAndMissingTableFailTheRequest() {
        DynamoException unused = assertThrows(DynamoException.class, () -> engine.transactGetItems(new TransactGetItemsRequest(List.of(
                new TransactGetItem(new TransactGet("accounts", key("a"), "#o", Map.of("#o", "owner", "#q", "q")))), null), CONTEXT));
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#q}", unused.getMessage());

        DynamoException missing = assertThrows(DynamoException.class,
                () -> engine.transactGetItems(new TransactGetItemsRequest(List.of(get("nothing", "a")), null), CONTEXT));
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, missing.type());
    }

    @Test
    void nullGetIsAConstraintViolation() {
        DynamoException e = assertThrows(DynamoException.class, () -> engine.transactGetItems(new TransactGetItemsRequest(List.of(
                new TransactGetItem(null)), null), CONTEXT));
        assertEquals("1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: "
                + "Member must not be null", e.getMessage());
    }
}
