package io.modyn.itests;

import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DescribeTable answers every field DynamoDB documents for a table. */
@ExtendWith(SharedModynServer.class)
class DescribeTableTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static DynamoDbClient dynamo;
    private static String region;

    @BeforeAll
    static void connect(DynamoDbClient client, ModynServer server) {
        dynamo = client;
        region = server.region();
    }

    @Test
    void describesEveryFieldOfAProvisionedTable() {
        String name = TestTables.uniqueName("describe");
        Instant before = Instant.now();
        dynamo.createTable(create -> create
                .tableName(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.B))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(5L).writeCapacityUnits(7L)));
        TableDescription table = TestTables.awaitActive(dynamo, name);

        assertAll(
                () -> assertEquals(name, table.tableName()),
                () -> assertTrue(table.tableArn().matches(
                                "arn:aws:dynamodb:" + region + ":\\d{12}:table/" + Pattern.quote(name)),
                        "TableArn " + table.tableArn()),
                () -> assertTrue(UUID.matcher(String.valueOf(table.tableId())).matches(), "TableId " + table.tableId()),
                () -> assertEquals(TableStatus.ACTIVE, table.tableStatus()),
                () -> assertNotNull(table.creationDateTime()),
                // Same machine, so the clocks agree; the margin only absorbs rounding to seconds.
                () -> assertFalse(table.creationDateTime().isBefore(before.minus(Duration.ofSeconds(2))),
                        "created " + table.creationDateTime() + ", request sent " + before),
                () -> assertFalse(table.creationDateTime().isAfter(Instant.now().plus(Duration.ofSeconds(2))),
                        "created " + table.creationDateTime() + " is in the future"),
                () -> assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), table.keySchema()),
                () -> assertEquals(Set.of(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.B)),
                        Set.copyOf(table.attributeDefinitions())),
                () -> assertEquals(5L, table.provisionedThroughput().readCapacityUnits()),
                () -> assertEquals(7L, table.provisionedThroughput().writeCapacityUnits()),
                () -> assertEquals(0L, table.provisionedThroughput().numberOfDecreasesToday()),
                () -> assertTrue(table.billingModeSummary() == null
                                || table.billingModeSummary().billingMode() == BillingMode.PROVISIONED,
                        "BillingModeSummary " + table.billingModeSummary()),
                () -> assertEquals(0L, table.itemCount()),
                () -> assertEquals(0L, table.tableSizeBytes()));
    }

    @Test
    void describesAnOnDemandTableWithItsBillingModeAndZeroThroughput() {
        String name = TestTables.createHashTable(dynamo, "describe-on-demand", ScalarAttributeType.N);
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(name)).table();

        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        assertEquals(0L, table.provisionedThroughput().readCapacityUnits());
        assertEquals(0L, table.provisionedThroughput().writeCapacityUnits());
        assertEquals(List.of(definition("pk", ScalarAttributeType.N)), table.attributeDefinitions());
    }

    @Test
    void tableIdsDifferBetweenTables() {
        String first = TestTables.createHashTable(dynamo, "describe-id", ScalarAttributeType.S);
        String second = TestTables.createHashTable(dynamo, "describe-id", ScalarAttributeType.S);

        assertFalse(dynamo.describeTable(d -> d.tableName(first)).table().tableId()
                .equals(dynamo.describeTable(d -> d.tableName(second)).table().tableId()));
    }

    @Test
    void describingAnUnknownTableIsResourceNotFound() {
        String name = TestTables.uniqueName("missing");
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found",
                () -> dynamo.describeTable(describe -> describe.tableName(name)));
    }
}
