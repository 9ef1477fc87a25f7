package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorOneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * UpdateTimeToLive and DescribeTimeToLive (API reference): enabling answers the specification
 * sent and DescribeTimeToLive then reports the attribute; neither enabling an enabled table,
 * pointing TTL at another attribute while it is on, disabling a disabled table nor a second change
 * within the hour after a change is accepted. Items past their expiry are still returned until the
 * expirer deletes them (that deletion is {@link TimeToLiveExpiryTest}'s subject).
 *
 * <p>Messages as captured against DynamoDB (dynalite's test/updateTimeToLive.js; ack-api-quirks,
 * DDB-TABLE-442).
 */
@ExtendWith(SharedModynServer.class)
class TimeToLiveTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void aNewTableHasTimeToLiveDisabled() {
        String table = TestTables.createHashTable(dynamo, "ttl-new", ScalarAttributeType.S);

        TimeToLiveDescription description = describe(table);

        assertEquals(TimeToLiveStatus.DISABLED, description.timeToLiveStatus());
        assertNull(description.attributeName());
    }

    @Test
    void enablingAnswersTheSpecificationAndDescribeReportsTheAttribute() {
        String table = TestTables.createHashTable(dynamo, "ttl-enable", ScalarAttributeType.S);

        TimeToLiveSpecification answered = enable(table, "expires");

        assertEquals(TimeToLiveSpecification.builder().attributeName("expires").enabled(true).build(), answered);
        TimeToLiveDescription description = describe(table);
        assertTrue(description.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || description.timeToLiveStatus() == TimeToLiveStatus.ENABLING, "status " + description.timeToLiveStatus());
        assertEquals("expires", description.attributeName());
    }

    @Test
    void enablingAnEnabledTableIsRefused() {
        String table = TestTables.createHashTable(dynamo, "ttl-twice", ScalarAttributeType.S);
        enable(table, "expires");

        assertValidationError("TimeToLive is already enabled", () -> enable(table, "expires"));
    }

    @Test
    void anotherAttributeWhileEnabledIsRefused() {
        String table = TestTables.createHashTable(dynamo, "ttl-other", ScalarAttributeType.S);
        enable(table, "expires");

        assertValidationError("TimeToLive is active on a different AttributeName: current AttributeName is expires",
                () -> enable(table, "ends"));
    }

    @Test
    void disablingADisabledTableIsRefused() {
        String table = TestTables.createHashTable(dynamo, "ttl-disabled", ScalarAttributeType.S);

        assertValidationError("TimeToLive is already disabled", () -> dynamo.updateTimeToLive(update -> update.tableName(table)
                .timeToLiveSpecification(spec -> spec.attributeName("expires").enabled(false))));
    }

    @Test
    @Disabled("Modyn does not yet enforce DynamoDB's one-hour cooldown between UpdateTimeToLive calls; noted in issue 5")
    void aSecondChangeWithinTheHourIsRefused() {
        // API reference, UpdateTimeToLive: "It can take up to one hour for the change to fully process.
        // Any additional UpdateTimeToLive calls for the same table during this one hour duration result
        // in a ValidationException."
        String table = TestTables.createHashTable(dynamo, "ttl-cooldown", ScalarAttributeType.S);
        enable(table, "expires");

        assertValidationError("Time to live has been modified multiple times within a fixed interval",
                () -> dynamo.updateTimeToLive(update -> update.tableName(table)
                        .timeToLiveSpecification(spec -> spec.attributeName("expires").enabled(false))));
    }

    @Test
    void anEmptyAttributeNameIsRefused() {
        String table = TestTables.createHashTable(dynamo, "ttl-empty", ScalarAttributeType.S);

        // dynalite recorded the first wording; the service's shape validation words it the second way.
        assertValidationErrorOneOf(() -> enable(table, ""),
                "TimeToLiveSpecification.AttributeName must be non empty",
                "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void unknownTablesAreResourceNotFound() {
        String table = TestTables.uniqueName("missing");
        String message = "Requested resource not found: Table: " + table + " not found";

        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", message, () -> enable(table, "expires"));
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", message, () -> describe(table));
    }

    @Test
    void expiredItemsAreStillReturnedUntilTheExpirerDeletesThem() {
        // The expirer runs once a minute by default, so an item read right after it is written has
        // not been deleted yet, expired or not (API reference: "Items that have expired and not been
        // deleted will still show up in reads, queries, and scans").
        String table = TestTables.createHashTable(dynamo, "ttl-still-there", ScalarAttributeType.S);
        enable(table, "expires");
        Map<String, AttributeValue> expired = Map.of("pk", s("expired"), "expires", n(Instant.now().getEpochSecond() - 3600));

        dynamo.putItem(put -> put.tableName(table).item(expired));

        assertEquals(expired, StoredItems.get(dynamo, table, Map.of("pk", s("expired"))));
        assertEquals(1, dynamo.scan(scan -> scan.tableName(table)).count());
    }

    private static TimeToLiveSpecification enable(String table, String attribute) {
        return dynamo.updateTimeToLive(update -> update.tableName(table)
                .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true))).timeToLiveSpecification();
    }

    private static TimeToLiveDescription describe(String table) {
        return dynamo.describeTimeToLive(describe -> describe.tableName(table)).timeToLiveDescription();
    }
}
