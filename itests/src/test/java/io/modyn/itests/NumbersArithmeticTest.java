package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorAnyRegion;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorOneOf;
import static io.modyn.itests.support.StoredItems.assertUnchangedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Arithmetic on numbers (SET with + and -, ADD) with DynamoDB's 38 significant digits and
 * magnitudes from 1E-130 to below 1E+126, results in the normalised form; and the errors when a
 * result leaves that range or needs more digits. The developer guide ("Data types", Number) sets the
 * limits; Alternator's test_number.py records, from DynamoDB, that a result needing more than 38
 * digits is reported as an overflow.
 */
@ExtendWith(SharedModynServer.class)
class NumbersArithmeticTest {

    private static final String OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger than "
            + "supported range";
    private static final String UNDERFLOW = "Number underflow. Attempting to store a number with magnitude smaller than "
            + "supported range";

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashTable(dynamo, "arithmetic", ScalarAttributeType.S);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "1.50, 1.50, 3",
            "0.1, 0.2, 0.3",
            "5, -5, 0",
            "-0.5, 0.25, -0.25",
            "12345678901234567890123456789012345678, 1, 12345678901234567890123456789012345679",
            "99999999999999999999999999999999999999, -99999999999999999999999999999999999998, 1",
            "1e125, 1e125, 2e125",
            "1E-130, 1E-130, 2e-130",
            "0.00000000000000000001, 1000000000000000, 1000000000000000.00000000000000000001",
            "1e20, 0e125, 100000000000000000000",
    })
    void plusAddsExactlyAndAnswersTheNormalisedForm(String a, String b, String sum) {
        assertEquals(n(normalised(sum)), set("SET r = :a + :b", Map.of(":a", n(a), ":b", n(b))));
    }

    @ParameterizedTest(name = "{0} - {1} = {2}")
    @CsvSource({
            "10, 0.001, 9.999",
            "1, 10000000000000000000000, -9999999999999999999999",
            "-1e125, 1e125, -2e125",
    })
    void minusSubtractsExactly(String a, String b, String difference) {
        assertEquals(n(normalised(difference)), set("SET r = :a - :b", Map.of(":a", n(a), ":b", n(b))));
    }

    @Test
    void addAddsToTheStoredNumberAndToNumberSets() {
        Map<String, AttributeValue> key = item(Map.of("n", n("12345678901234567890123456789012345677"),
                "set", ns("1", "2.5")));

        dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression("ADD n :one, #s :more")
                .expressionAttributeNames(Map.of("#s", "set"))
                .expressionAttributeValues(Map.of(":one", n(1), ":more", ns("2.50", "3e0"))));

        Map<String, AttributeValue> stored = StoredItems.get(dynamo, table, key);
        assertEquals(n("12345678901234567890123456789012345678"), stored.get("n"));
        assertEquals(Set.of("1", "2.5", "3"), Set.copyOf(stored.get("set").ns()));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "9e125, +, 9e125",
            "-9e125, -, 9e125",
            "9.9999999999999999999999999999999999999e125, +, 1e88",
    })
    void resultOfOneE126OrMoreIsAnOverflowAndChangesNothing(String a, String operator, String b) {
        Map<String, AttributeValue> key = item(Map.of("r", n(1)));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(OVERFLOW,
                () -> dynamo.updateItem(update -> update.tableName(table).key(key)
                        .updateExpression("SET r = :a " + operator + " :b")
                        .expressionAttributeValues(Map.of(":a", n(a), ":b", n(b))))));
    }

    @Test
    void resultBelowOneEMinus130IsAnUnderflowAndChangesNothing() {
        Map<String, AttributeValue> key = item(Map.of("r", n(1)));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(UNDERFLOW,
                () -> dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression("SET r = :a - :b")
                        .expressionAttributeValues(Map.of(":a", n("1.5e-130"), ":b", n("1e-130"))))));
    }

    /** 1e50 + 1 needs 51 significant digits; DynamoDB refuses it, calling it an overflow. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET r = :big + :one",
            "SET r = :big - :one",
            "ADD big :one",
    })
    void resultNeedingMoreThanThirtyEightDigitsIsRefusedAndChangesNothing(String expression) {
        Map<String, AttributeValue> key = item(Map.of("r", n(1), "big", n("1e50")));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(OVERFLOW,
                () -> dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression(expression)
                        .expressionAttributeValues(expression.contains(":big")
                                ? Map.of(":big", n("1e50"), ":one", n(1)) : Map.of(":one", n(1))))));
    }

    @Test
    void addOverflowingTheStoredNumberIsRefusedAndChangesNothing() {
        Map<String, AttributeValue> key = item(Map.of("n", n("9e125")));

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorAnyRegion(OVERFLOW,
                () -> dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression("ADD n :n")
                        .expressionAttributeValues(Map.of(":n", n("9e125"))))));
    }

    /**
     * UpdateItem's current validation layer reports the number as PutItem does; the older layer
     * wrapped it in "ExpressionAttributeValues contains invalid value: ... for key :v"
     * (paritysuite/dynamodb-conformance, tests/tier3/error-messages/valueLayers.test.ts).
     */
    @Test
    void invalidNumberInExpressionAttributeValuesIsRefused() {
        Map<String, AttributeValue> key = item(Map.of());

        assertUnchangedBy(dynamo, table, key, () -> assertValidationErrorOneOf(
                () -> dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression("SET r = :v")
                        .expressionAttributeValues(Map.of(":v", n("abc")))),
                "The parameter cannot be converted to a numeric value: abc",
                "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: "
                        + "abc for key :v"));
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource({"NaN", "Infinity", "-Infinity", "' 1'", "'1 '", "0x10", "1e", "1.2.3"})
    void textThatIsNoDynamoDbNumberIsRefused(String text) {
        assertValidationErrorOneOf(
                () -> dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", s(UUID.randomUUID().toString())))
                        .updateExpression("SET r = :v").expressionAttributeValues(Map.of(":v", n(text)))),
                "The parameter cannot be converted to a numeric value: " + text,
                "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: "
                        + text + " for key :v");
    }

    /** Numbers compare by value at full precision, whatever their spelling. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "n = :same                  | 12345678901234567890123456789012345678 | 1.2345678901234567890123456789012345678e37",
            "n < :next                  | 12345678901234567890123456789012345678 | 12345678901234567890123456789012345679",
            "n > :tiny                  | 1e-130                                 | -1e-130",
            "n BETWEEN :low AND :high   | 0.1                                    | 0.09999999999999999999999999999999999999",
    })
    void comparisonsUseTheFullPrecision(String condition, String stored, String operand) {
        Map<String, AttributeValue> key = item(Map.of("n", n(stored)));
        Map<String, AttributeValue> values = condition.contains(":low")
                ? Map.of(":low", n(operand), ":high", n("0.1"), ":v", n(1))
                : Map.of(condition.substring(condition.indexOf(':')).trim(), n(operand), ":v", n(1));

        dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression("SET ok = :v")
                .conditionExpression(condition).expressionAttributeValues(values));

        assertEquals(n(1), StoredItems.get(dynamo, table, key).get("ok"));
    }

    /** DynamoDB's text of a number: plain digits, no exponent, no trailing zeros after the point. */
    private static String normalised(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private static AttributeValue set(String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> key = item(Map.of());
        dynamo.updateItem(update -> update.tableName(table).key(key).updateExpression(expression)
                .expressionAttributeValues(values));
        return StoredItems.get(dynamo, table, key).get("r");
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> key = Map.of("pk", s(UUID.randomUUID().toString()));
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.putAll(key);
        dynamo.putItem(put -> put.tableName(table).item(item));
        return key;
    }
}
