package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertConditionFailed;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DeleteItem removes one item by its full primary key, conditionally if asked. */
@ExtendWith(SharedModynServer.class)
class DeleteItemTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashRangeTable(dynamo, "delete-item", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
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
    void deleteHappensOnlyWhenTheConditionHolds() {
        Map<String, AttributeValue> item = Map.of("pk", s(UUID.randomUUID().toString()), "sk", n(1), "state", s("open"));
        Map<String, AttributeValue> key = Map.of("pk", item.get("pk"), "sk", item.get("sk"));
        dynamo.putItem(put -> put.tableName(table).item(item));

        assertUnchangedBy(dynamo, table, key, () -> assertConditionFailed(() -> dynamo.deleteItem(delete -> delete
                .tableName(table).key(key).conditionExpression("#s = :closed")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":closed", s("closed"))))));
        dynamo.deleteItem(delete -> delete.tableName(table).key(key).conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":open", s("open"))));

        assertFalse(exists(key));
    }

    @Test
    void conditionOnAMissingItemSeesNoAttributes() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()), "sk", n(1));

        assertConditionFailed(() -> dynamo.deleteItem(delete -> delete.tableName(table).key(key)
                .conditionExpression("attribute_exists(pk)")));
        dynamo.deleteItem(delete -> delete.tableName(table).key(key).conditionExpression("attribute_not_exists(pk)"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"})
    void returnValuesOtherThanAllOldOrNoneAreRefused(String returnValues) {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()), "sk", n(1));
        dynamo.putItem(put -> put.tableName(table).item(key));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion("ReturnValues can only be ALL_OLD or NONE",
                () -> dynamo.deleteItem(delete -> delete.tableName(table).key(key).returnValues(returnValues))));
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
