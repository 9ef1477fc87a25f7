package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Numbers: up to 38 significant digits, magnitudes from 1e-130 to below 1e126, and DynamoDB's
 * normalised text on the way out (no exponent, no leading or trailing zeros, no negative zero).
 */
@ExtendWith(SharedModynServer.class)
class NumbersTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashTable(dynamo, "numbers", ScalarAttributeType.S);
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
            "1.50, 1.5",
            "1e2, 100",
            "1E+2, 100",
            "-0, 0",
            "0.000, 0",
            "00012, 12",
            "1.0E-3, 0.001",
            "-1.20e+1, -12",
            "123.4500, 123.45",
            "0.00001, 0.00001",
            "1e37, 10000000000000000000000000000000000000",
            "0000012345678901234567890123456789012345678, 12345678901234567890123456789012345678",
            "-00001.23456789012345678901234567890123456780000, -1.2345678901234567890123456789012345678",
    })
    void numberIsStoredInNormalisedForm(String written, String stored) {
        assertEquals(n(stored), putAndGet(n(written)));
    }

    @Test
    void largestMagnitudeKeepsAllThirtyEightDigits() {
        String nines = "9".repeat(38);
        assertEquals(n(nines + "0".repeat(88)), putAndGet(n("9." + "9".repeat(37) + "e125")));
        assertEquals(n("-" + nines + "0".repeat(88)), putAndGet(n("-9." + "9".repeat(37) + "e125")));
    }

    @Test
    void smallestMagnitudeIsWrittenOutInFull() {
        assertEquals(n("0." + "0".repeat(129) + "1"), putAndGet(n("1e-130")));
        assertEquals(n("-0." + "0".repeat(129) + "1"), putAndGet(n("-1.000e-130")));
    }

    @Test
    void numberSetMembersAreNormalised() {
        AttributeValue stored = putAndGet(ns("1.50", "2e0", "-0.10"));
        assertEquals(Set.of("1.5", "2", "-0.1"), Set.copyOf(stored.ns()));
    }

    @Test
    void moreThanThirtyEightSignificantDigitsAreRejected() {
        assertValidationError("Attempting to store more than 38 significant digits in a Number",
                () -> put(n("123456789012345678901234567890123456789")));
        assertValidationError("Attempting to store more than 38 significant digits in a Number",
                () -> put(n("-1.23456789012345678901234567890123456789")));
    }

    @Test
    void magnitudeOfOneE126OrMoreIsAnOverflow() {
        assertValidationError("Number overflow. Attempting to store a number with magnitude larger than supported range",
                () -> put(n("1e126")));
        assertValidationError("Number overflow. Attempting to store a number with magnitude larger than supported range",
                () -> put(n("-1e126")));
    }

    @Test
    void magnitudeBelowOneEMinus130IsAnUnderflow() {
        assertValidationError("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                () -> put(n("1e-131")));
        assertValidationError("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                () -> put(n("-1e-131")));
    }

    @Test
    void exponentsAreReadInFullBeforeTheRangeIsChecked() {
        // Real DynamoDB's answers (dynamodb-conformance, limits/numberExponent.test.ts, eu-west-2 October 2026).
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        String underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        assertValidationError(overflow, () -> put(n("1e99999999999")));
        assertValidationError(underflow, () -> put(n("1e-99999999999")));
        assertValidationError(overflow, () -> put(n("0e126")));
        assertValidationError(underflow, () -> put(n("0e-131")));
        assertValidationError("The parameter cannot be converted to a numeric value: 1e9223372036854775808",
                () -> put(n("1e9223372036854775808")));
        put(n("0e125"));
    }

    @Test
    void textThatIsNotANumberIsRejected() {
        assertValidationError("The parameter cannot be converted to a numeric value: abc", () -> put(n("abc")));
    }

    private static void put(AttributeValue number) {
        dynamo.putItem(put -> put.tableName(table).item(Map.of(TestTables.PK, s(UUID.randomUUID().toString()), "n", number)));
    }

    private static AttributeValue putAndGet(AttributeValue number) {
        AttributeValue key = s(UUID.randomUUID().toString());
        dynamo.putItem(put -> put.tableName(table).item(Map.of(TestTables.PK, key, "n", number)));
        return dynamo.getItem(get -> get.tableName(table).key(Map.of(TestTables.PK, key)).consistentRead(true))
                .item().get("n");
    }
}
