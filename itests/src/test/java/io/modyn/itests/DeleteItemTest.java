package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DeleteItem removes one item by its full primary key. */
@ExtendWith(SharedModynServer.class)
class DeleteItemTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashRangeTable(dynamo, "delete-item", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @Test
    void deletedItemIsGoneAndItsNeighbourStays() {
        String pk = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s(pk), "sk", n("1"))));
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s(pk), "sk", n("2"))));

        dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s(pk), "sk", n("1"))));

        assertFalse(exists(Map.of("pk", s(pk), "sk", n("1"))));
        assertTrue(exists(Map.of("pk", s(pk), "sk", n("2"))));
    }

    @Test
    void returnValuesAllOldAnswersTheDeletedItem() {
        Map<String, AttributeValue> item = Map.of("pk", s(UUID.randomUUID().toString()), "sk", n("7"), "v", s("gone"));
        dynamo.putItem(put -> put.tableName(table).item(item));

        DeleteItemResponse response = dynamo.deleteItem(delete -> delete.tableName(table)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                .returnValues(ReturnValue.ALL_OLD));

        assertSameItem(item, response.attributes());
    }

    @Test
    void deletingAMissingItemSucceedsAndAnswersNothing() {
        DeleteItemResponse response = dynamo.deleteItem(delete -> delete.tableName(table)
                .key(Map.of("pk", s(UUID.randomUUID().toString()), "sk", n("1")))
                .returnValues(ReturnValue.ALL_OLD));

        assertFalse(response.hasAttributes());
    }

    @Test
    void keyWithoutTheSortKeyDoesNotMatchTheSchema() {
        assertValidationError("The provided key element does not match the schema",
                () -> dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s("x")))));
    }

    @Test
    void deleteFromAnUnknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.deleteItem(delete -> delete.tableName(TestTables.uniqueName("missing"))
                        .key(Map.of("pk", s("x")))));
    }

    private static boolean exists(Map<String, AttributeValue> key) {
        return dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true)).hasItem();
    }
}
