package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertConditionFailed;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static io.modyn.itests.support.Items.merged;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * UpdateItem as an operation: it creates the item when absent, merges into an existing one, answers
 * every ReturnValues choice, and honours a ConditionExpression. The expression language itself is
 * {@link UpdateExpressionTest}'s subject.
 */
@ExtendWith(SharedModynServer.class)
class UpdateItemTest {

    /** DynamoDB's item size limit, 400 KB: attribute name lengths plus value sizes. */
    private static final int MAX_ITEM_BYTES = 400 * 1024;

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "update", ScalarAttributeType.S);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void updateOfAnAbsentItemCreatesIt() {
        Map<String, AttributeValue> key = newKey();

        dynamo.updateItem(update(key, "SET a = :a", Map.of(":a", s("new"))).build());

        assertSameItem(merged(key, Map.of("a", s("new"))), StoredItems.get(dynamo, table, key));
    }

    @Test
    void anUpdateThatOnlyRemovesLeavesAnAbsentItemAbsent() {
        Map<String, AttributeValue> key = newKey();

        var removed = dynamo.updateItem(update(key, "REMOVE a, b.c", null).returnValues(ReturnValue.ALL_NEW).build());
        dynamo.updateItem(update(key, "DELETE tags :t", Map.of(":t", AttributeValue.builder().ss("x").build())).build());

        assertFalse(removed.hasAttributes() && !removed.attributes().isEmpty(), () -> "ALL_NEW returned " + removed.attributes());
        assertNull(StoredItems.get(dynamo, table, key));
    }

    @Test
    void updateWithoutAnUpdateExpressionCreatesAnItemHoldingOnlyTheKey() {
        Map<String, AttributeValue> key = newKey();

        dynamo.updateItem(update -> update.tableName(table).key(key));

        assertSameItem(key, StoredItems.get(dynamo, table, key));
    }

    @Test
    void updateMergesIntoTheExistingItemInsteadOfReplacingIt() {
        Map<String, AttributeValue> key = putItem(Map.of("a", s("kept"), "b", s("old")));

        dynamo.updateItem(update(key, "SET b = :b, c = :c", Map.of(":b", s("new"), ":c", n(3))).build());

        assertSameItem(merged(key, Map.of("a", s("kept"), "b", s("new"), "c", n(3))), StoredItems.get(dynamo, table, key));
    }

    @Test
    void returnValuesNoneAnswersNoAttributes() {
        Map<String, AttributeValue> key = putItem(Map.of("a", n(1)));

        UpdateItemResponse response = dynamo.updateItem(update(key, "SET a = :a", Map.of(":a", n(2)))
                .returnValues(ReturnValue.NONE).build());

        assertFalse(response.hasAttributes());
    }

    @Test
    void returnValuesAllOldAnswersTheWholeItemBeforeTheUpdate() {
        Map<String, AttributeValue> key = putItem(Map.of("a", n(1), "b", s("untouched")));

        UpdateItemResponse response = dynamo.updateItem(update(key, "SET a = :a", Map.of(":a", n(2)))
                .returnValues(ReturnValue.ALL_OLD).build());

        assertSameItem(merged(key, Map.of("a", n(1), "b", s("untouched"))), response.attributes());
    }

    @Test
    void returnValuesAllOldOfACreatedItemAnswersNothing() {
        UpdateItemResponse response = dynamo.updateItem(update(newKey(), "SET a = :a", Map.of(":a", n(2)))
                .returnValues(ReturnValue.ALL_OLD).build());

        assertFalse(response.hasAttributes());
    }

    @Test
    void returnValuesUpdatedOldAnswersTheOldValuesOfSetAndRemovedAttributesOnly() {
        Map<String, AttributeValue> key = putItem(Map.of("a", n(1), "b", n(2), "c", n(3)));

        UpdateItemResponse response = dynamo.updateItem(update(key, "SET a = :a REMOVE b", Map.of(":a", n(10)))
                .returnValues(ReturnValue.UPDATED_OLD).build());

        assertSameItem(Map.of("a", n(1), "b", n(2)), response.attributes());
    }

    @Test
    void returnValuesAllNewAnswersTheWholeItemAfterTheUpdate() {
        Map<String, AttributeValue> key = putItem(Map.of("a", n(1), "b", n(2)));

        UpdateItemResponse response = dynamo.updateItem(update(key, "SET a = :a REMOVE b", Map.of(":a", n(10)))
                .returnValues(ReturnValue.ALL_NEW).build());

        assertSameItem(merged(key, Map.of("a", n(10))), response.attributes());
    }

    @Test
    void returnValuesUpdatedNewAnswersTheNewValuesButNotRemovedAttributes() {
        Map<String, AttributeValue> key = putItem(Map.of("a", n(1), "b", n(2), "c", n(3)));

        UpdateItemResponse response = dynamo.updateItem(update(key, "SET a = :a REMOVE b", Map.of(":a", n(10)))
                .returnValues(ReturnValue.UPDATED_NEW).build());

        assertSameItem(Map.of("a", n(10)), response.attributes());
    }

    @Test
    void returnValuesUpdatedNewOfACreatedItemAnswersTheSetAttributes() {
        UpdateItemResponse response = dynamo.updateItem(update(newKey(), "SET a = :a ADD c :c",
                Map.of(":a", s("x"), ":c", n(5))).returnValues(ReturnValue.UPDATED_NEW).build());

        assertSameItem(Map.of("a", s("x"), "c", n(5)), response.attributes());
    }

    /** For a nested path, UPDATED_OLD and UPDATED_NEW carry only the updated part of the document. */
    @Test
    void updatedValuesOfANestedPathCarryOnlyThatPath() {
        Map<String, AttributeValue> key = putItem(Map.of("m", m(Map.of("x", n(1), "y", n(2)))));

        UpdateItemResponse old = dynamo.updateItem(update(key, "SET m.x = :v", Map.of(":v", n(5)))
                .returnValues(ReturnValue.UPDATED_OLD).build());
        UpdateItemResponse fresh = dynamo.updateItem(update(key, "SET m.x = :v", Map.of(":v", n(6)))
                .returnValues(ReturnValue.UPDATED_NEW).build());

        assertSameItem(Map.of("m", m(Map.of("x", n(1)))), old.attributes());
        assertSameItem(Map.of("m", m(Map.of("x", n(6)))), fresh.attributes());
    }

    @Test
    void updateHappensWhenTheConditionHolds() {
        Map<String, AttributeValue> key = putItem(Map.of("version", n(1)));

        dynamo.updateItem(update(key, "SET version = :next", Map.of(":next", n(2), ":expected", n(1)))
                .conditionExpression("version = :expected").build());

        assertSameItem(merged(key, Map.of("version", n(2))), StoredItems.get(dynamo, table, key));
    }

    @Test
    void failedConditionIsConditionalCheckFailedAndChangesNothing() {
        Map<String, AttributeValue> key = putItem(Map.of("version", n(1)));

        assertUnchangedBy(dynamo, table, key, () -> assertConditionFailed(() -> dynamo.updateItem(
                update(key, "SET version = :next", Map.of(":next", n(3), ":expected", n(2)))
                        .conditionExpression("version = :expected").build())));
    }

    @Test
    void conditionOnAnAbsentItemSeesNoAttributes() {
        Map<String, AttributeValue> key = newKey();
        UpdateItemRequest createOnce = update(key, "SET a = :a", Map.of(":a", n(1)))
                .conditionExpression("attribute_not_exists(pk)").build();

        dynamo.updateItem(createOnce);
        assertConditionFailed(() -> dynamo.updateItem(createOnce));
        assertConditionFailed(() -> dynamo.updateItem(update(newKey(), "SET a = :a", Map.of(":a", n(1)))
                .conditionExpression("attribute_exists(pk)").build()));
    }

    @Test
    void failedConditionAnswersTheItemWhenAskedForAllOld() {
        Map<String, AttributeValue> key = putItem(Map.of("version", n(7), "note", s("current")));

        ConditionalCheckFailedException failure = assertConditionFailed(() -> dynamo.updateItem(
                update(key, "SET version = :next", Map.of(":next", n(8), ":expected", n(1)))
                        .conditionExpression("version = :expected")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));

        assertSameItem(merged(key, Map.of("version", n(7), "note", s("current"))), failure.item());
    }

    @Test
    void failedConditionAnswersNoItemWithoutAllOld() {
        Map<String, AttributeValue> key = putItem(Map.of("version", n(7)));

        ConditionalCheckFailedException failure = assertConditionFailed(() -> dynamo.updateItem(
                update(key, "SET version = :next", Map.of(":next", n(8), ":expected", n(1)))
                        .conditionExpression("version = :expected").build()));

        assertFalse(failure.hasItem());
    }

    @Test
    void failedConditionOnAnAbsentItemAnswersNoItemEvenWithAllOld() {
        ConditionalCheckFailedException failure = assertConditionFailed(() -> dynamo.updateItem(
                update(newKey(), "SET a = :a", Map.of(":a", n(1)))
                        .conditionExpression("attribute_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));

        assertFalse(failure.hasItem());
    }

    @Test
    void unknownReturnValuesIsAnEnumConstraintViolation() {
        Map<String, AttributeValue> key = putItem(Map.of("a", n(1)));

        // DynamoDB's 2026 validation framework reports it bare, with its own enum text (us-east-1 and 31 other regions
        // since October 2026; eu-south-2 and me-central-1 still echo the value: dynamodb-conformance split registry,
        // update-item-validation-error-aggregation).
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion("1 validation error detected: "
                        + "Failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATE_NEW, NONE]",
                () -> dynamo.updateItem(update(key, "SET a = :a", Map.of(":a", n(2))).returnValues("EVERYTHING").build())));
    }

    @Test
    void unknownReturnValuesOnConditionCheckFailureIsAnEnumConstraintViolation() {
        assertValidationErrorStartingWith("1 validation error detected: Value 'ALL_NEW' at "
                        + "'returnValuesOnConditionCheckFailure' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [",
                () -> dynamo.updateItem(update(newKey(), "SET a = :a", Map.of(":a", n(2)))
                        .returnValuesOnConditionCheckFailure("ALL_NEW").build()));
    }

    @Test
    void keyOfTheWrongShapeDoesNotMatchTheSchema() {
        assertValidationErrorAnyRegion("The provided key element does not match the schema",
                () -> dynamo.updateItem(update(Map.of("pk", n(1)), "SET a = :a", Map.of(":a", n(2))).build()));
        assertValidationErrorAnyRegion("The provided key element does not match the schema",
                () -> dynamo.updateItem(update(Map.of("pk", s("x"), "extra", s("y")), "SET a = :a",
                        Map.of(":a", n(2))).build()));
    }

    @Test
    void updateGrowingTheItemPastFourHundredKilobytesIsRejectedAndChangesNothing() {
        Map<String, AttributeValue> key = putItem(Map.of("a", s("x".repeat(300 * 1024))));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(
                "Item size to update has exceeded the maximum allowed size",
                () -> dynamo.updateItem(update(key, "SET b = :b", Map.of(":b", s("y".repeat(MAX_ITEM_BYTES / 4)))).build())));
    }

    @Test
    void updateOfAnUnknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.updateItem(update -> update.tableName(TestTables.uniqueName("missing"))
                        .key(Map.of("pk", s("x"))).updateExpression("SET a = :a")
                        .expressionAttributeValues(Map.of(":a", n(1)))));
    }

    private static UpdateItemRequest.Builder update(Map<String, AttributeValue> key, String expression,
                                                    Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(expression).expressionAttributeValues(values);
    }

    private static Map<String, AttributeValue> putItem(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> key = newKey();
        dynamo.putItem(put -> put.tableName(table).item(merged(key, attributes)));
        return key;
    }

    private static Map<String, AttributeValue> newKey() {
        return Map.of("pk", s(UUID.randomUUID().toString()));
    }

}
