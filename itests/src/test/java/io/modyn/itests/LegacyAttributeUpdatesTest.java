package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.nul;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.Items.merged;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The legacy {@code AttributeUpdates} parameter of UpdateItem: PUT (the default action), ADD
 * (numbers, sets, and lists, which it appends to), DELETE (the attribute, or members of a set); the
 * refusals with DynamoDB's messages, and mixing with expression parameters.
 */
@ExtendWith(SharedModynServer.class)
class LegacyAttributeUpdatesTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "legacy-updates", ScalarAttributeType.S);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void putIsTheDefaultActionAndReplacesTheValue() {
        Map<String, AttributeValue> key = item(Map.of("a", s("old"), "keep", n(1)));

        update(key, Map.of("a", AttributeValueUpdate.builder().value(s("new")).build(),
                "b", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(m(Map.of("x", n(1)))).build()));

        assertSameItem(merged(key, Map.of("a", s("new"), "keep", n(1), "b", m(Map.of("x", n(1))))), stored(key));
    }

    @Test
    void addToNumbersSetsAndListsAndCreatesWhatIsMissing() {
        Map<String, AttributeValue> key = item(Map.of("n", n(1), "ss", ss("a"), "l", l(s("a"))));

        update(key, Map.of(
                "n", add(n(2)), "ss", add(ss("a", "b")), "l", add(l(s("b"), n(1))),
                "newN", add(n(-5)), "newSet", add(ns("7"))));

        assertSameItem(merged(key, Map.of("n", n(3), "ss", ss("a", "b"), "l", l(s("a"), s("b"), n(1)),
                "newN", n(-5), "newSet", ns("7"))), stored(key));
    }

    @Test
    void deleteRemovesTheAttributeOrTheGivenSetMembers() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x"), "ns", ns("1", "2", "3"), "ss", ss("only")));

        update(key, Map.of(
                "a", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
                "ns", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ns("1", "4")).build(),
                "ss", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ss("only")).build(),
                "missing", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()));

        assertSameItem(merged(key, Map.of("ns", ns("2", "3"))), stored(key));
    }

    @Test
    void updatesOfAMissingItemCreateIt() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));

        update(key, Map.of("a", AttributeValueUpdate.builder().value(s("x")).build(), "n", add(n(5)),
                "gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()));

        assertSameItem(merged(key, Map.of("a", s("x"), "n", n(5))), stored(key));
    }

    @Test
    void emptyAttributeUpdatesCreateAnItemHoldingOnlyTheKey() {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));

        dynamo.updateItem(update -> update.tableName(table).key(key).attributeUpdates(Map.of()));

        assertSameItem(key, stored(key));
    }

    @Test
    void returnValuesWorkWithAttributeUpdates() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x"), "b", s("y")));

        UpdateItemResponse response = dynamo.updateItem(update -> update.tableName(table).key(key)
                .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().value(s("z")).build()))
                .returnValues(ReturnValue.UPDATED_OLD));

        assertSameItem(Map.of("a", s("x")), response.attributes());
    }

    @Test
    void expectedGuardsAttributeUpdates() {
        Map<String, AttributeValue> key = item(Map.of("version", n(1)));

        dynamo.updateItem(update -> update.tableName(table).key(key)
                .attributeUpdates(Map.of("version", add(n(1))))
                .expected(Map.of("version", ExpectedAttributeValue.builder().value(n(1)).build())));

        assertSameItem(merged(key, Map.of("version", n(2))), stored(key));
    }

    @Test
    void putWithoutAValueIsRefused() {
        refused(item(Map.of("a", s("x"))), "One or more parameter values were invalid: Only DELETE action is allowed "
                + "when no attribute value is specified", Map.of("a", AttributeValueUpdate.builder().build()));
    }

    @ParameterizedTest(name = "DELETE with {0}")
    @CsvSource({"S", "N", "B", "BOOL", "NULL", "M", "L"})
    void deleteWithAValueOfAScalarOrDocumentTypeIsRefused(String type) {
        refused(item(Map.of("a", s("x"))), "One or more parameter values were invalid: DELETE action with value is not "
                + "supported for the type " + type, Map.of("a", AttributeValueUpdate.builder()
                .action(AttributeAction.DELETE).value(ofType(type)).build()));
    }

    @ParameterizedTest(name = "ADD with {0}")
    @CsvSource({"S", "B", "BOOL", "NULL", "M"})
    void addWithAValueOfATypeThatCannotBeAddedIsRefused(String type) {
        refused(item(Map.of("a", s("x"))), "One or more parameter values were invalid: ADD action is not supported for "
                + "the type " + type, Map.of("a", add(ofType(type))));
    }

    @Test
    void addOrDeleteOfAMismatchedTypeIsRefused() {
        Map<String, AttributeValue> key = item(Map.of("ss", ss("1"), "n", n(1), "ns", ns("1")));

        refused(key, "Type mismatch for attribute to update", Map.of("ss", add(ns("1"))));
        refused(key, "Type mismatch for attribute to update", Map.of("ns", add(n(1))));
        refused(key, "Type mismatch for attribute to update", Map.of("n",
                AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(ns("1")).build()));
    }

    @Test
    void keyAttributeCannotBeUpdated() {
        Map<String, AttributeValue> key = item(Map.of());

        refused(key, "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of "
                + "the key", Map.of("pk", AttributeValueUpdate.builder().value(s("other")).build()));
    }

    @Test
    void attributeUpdatesWithExpressionParametersAreRefused() {
        Map<String, AttributeValue> key = item(Map.of("a", s("x")));
        Map<String, AttributeValueUpdate> updates = Map.of("a", AttributeValueUpdate.builder().value(s("y")).build());
        String prefix = "Can not use both expression and non-expression parameters in the same request: ";

        assertUnchangedBy(dynamo, table, key, () -> {
            assertValidationErrorAnyRegion(prefix + "Non-expression parameters: {AttributeUpdates} Expression parameters: "
                    + "{UpdateExpression}", () -> dynamo.updateItem(update -> update.tableName(table).key(key)
                    .attributeUpdates(updates).updateExpression("SET b = :b").expressionAttributeValues(Map.of(":b", n(1)))));
            assertValidationErrorAnyRegion(prefix + "Non-expression parameters: {AttributeUpdates} Expression parameters: "
                    + "{ConditionExpression}", () -> dynamo.updateItem(update -> update.tableName(table).key(key)
                    .attributeUpdates(updates).conditionExpression("attribute_exists(a)")));
            assertValidationErrorAnyRegion(prefix + "Non-expression parameters: {Expected} Expression parameters: "
                    + "{UpdateExpression}", () -> dynamo.updateItem(update -> update.tableName(table).key(key)
                    .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))
                    .updateExpression("SET b = :b").expressionAttributeValues(Map.of(":b", n(1)))));
        });
    }

    private static void refused(Map<String, AttributeValue> key, String message, Map<String, AttributeValueUpdate> updates) {
        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(message, () -> update(key, updates)));
    }

    private static void update(Map<String, AttributeValue> key, Map<String, AttributeValueUpdate> updates) {
        dynamo.updateItem(update -> update.tableName(table).key(key).attributeUpdates(updates));
    }

    private static AttributeValueUpdate add(AttributeValue value) {
        return AttributeValueUpdate.builder().action(AttributeAction.ADD).value(value).build();
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));
        dynamo.putItem(put -> put.tableName(table).item(merged(key, attributes)));
        return key;
    }

    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> key) {
        return StoredItems.get(dynamo, table, key);
    }

    private static AttributeValue ofType(String type) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put("S", s("x"));
        values.put("N", n(1));
        values.put("B", b((byte) 1));
        values.put("BOOL", bool(true));
        values.put("NULL", nul());
        values.put("M", m(Map.of()));
        values.put("L", l());
        return values.get(type);
    }
}
