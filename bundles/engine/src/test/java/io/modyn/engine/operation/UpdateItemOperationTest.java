package io.modyn.engine.operation;

import static io.modyn.engine.transaction.TransactRequests.CONTEXT;
import static io.modyn.engine.transaction.TransactRequests.createTable;
import static io.modyn.engine.transaction.TransactRequests.getItem;
import static io.modyn.engine.transaction.TransactRequests.item;
import static io.modyn.engine.transaction.TransactRequests.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateItemResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.transaction.TransactRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UpdateItem on an item that does not exist: which updates create it, as in DynamoDB. */
class UpdateItemOperationTest {

    private DynamoDbEngine engine;

    @BeforeEach
    void createTables() {
        engine = TransactRequests.engine(new InMemoryStorageEngine());
        createTable(engine, "accounts");
    }

    @Test
    void removingFromAMissingItemLeavesItMissing() {
        UpdateItemResponse response = engine.updateItem(expression("ghost", "REMOVE a, b.c", null), CONTEXT);

        assertNull(response.attributes());
        assertNull(getItem(engine, "accounts", "ghost"));
    }

    @Test
    void deletingFromASetOfAMissingItemLeavesItMissing() {
        engine.updateItem(expression("ghost", "DELETE tags :t", Map.of(":t", new AttributeValue.SS(List.of("x")))), CONTEXT);

        assertNull(getItem(engine, "accounts", "ghost"));
    }

    @Test
    void aLegacyDeleteOnAMissingItemLeavesItMissing() {
        engine.updateItem(new UpdateItemRequest("accounts", key("ghost"), Map.of("a", new AttributeValueUpdate(null, "DELETE")), null, null,
                "ALL_NEW", null, null, null, null, null, null, null), CONTEXT);

        assertNull(getItem(engine, "accounts", "ghost"));
    }

    @Test
    void anUpdateThatAlsoSetsCreatesTheItem() {
        UpdateItemResponse response = engine.updateItem(expression("born", "REMOVE a SET b = :b", Map.of(":b", new AttributeValue.S("x"))),
                CONTEXT);

        assertEquals(item("id", "born", "b", "x"), response.attributes());
        assertEquals(item("id", "born", "b", "x"), getItem(engine, "accounts", "born"));
    }

    @Test
    void aTransactionalRemoveOnAMissingItemLeavesItMissing() {
        engine.transactWriteItems(TransactRequests.write(TransactRequests.update("accounts", "ghost", "REMOVE a", null, null)), CONTEXT);

        assertNull(getItem(engine, "accounts", "ghost"));
    }

    private static UpdateItemRequest expression(String id, String update, Map<String, AttributeValue> values) {
        return new UpdateItemRequest("accounts", key(id), null, null, null, "ALL_NEW", null, null, update, null, null, values, null);
    }
}
