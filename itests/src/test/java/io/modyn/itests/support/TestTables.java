package io.modyn.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Tables for tests: unique names, so test classes can share a server and run in parallel, and
 * creation that waits until the table is ACTIVE.
 */
public final class TestTables {

    /** Partition key attribute of the tables made here. */
    public static final String PK = "pk";
    /** Sort key attribute of the tables made here. */
    public static final String SK = "sk";

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private TestTables() {
    }

    /** A valid table name no other test uses: {@code it-<purpose>-<random>}. */
    public static String uniqueName(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An on-demand table keyed by {@value #PK} of the given type, ACTIVE when this returns. */
    public static String createHashTable(DynamoDbClient dynamo, String purpose, ScalarAttributeType pkType) {
        String name = uniqueName(purpose);
        dynamo.createTable(table -> table
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition(PK, pkType))
                .keySchema(key(PK, KeyType.HASH)));
        awaitActive(dynamo, name);
        return name;
    }

    /** An on-demand table keyed by {@value #PK} and {@value #SK}, ACTIVE when this returns. */
    public static String createHashRangeTable(DynamoDbClient dynamo, String purpose,
                                              ScalarAttributeType pkType, ScalarAttributeType skType) {
        String name = uniqueName(purpose);
        dynamo.createTable(table -> table
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition(PK, pkType), definition(SK, skType))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE)));
        awaitActive(dynamo, name);
        return name;
    }

    public static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    public static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /**
     * Polls DescribeTable until the table is ACTIVE. (The SDK's waiter polls every 20 s, far too
     * slow for a server that activates tables at once.)
     */
    public static TableDescription awaitActive(DynamoDbClient dynamo, String name) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (true) {
            TableDescription table = dynamo.describeTable(describe -> describe.tableName(name)).table();
            if (table.tableStatus() == TableStatus.ACTIVE) return table;
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Table " + name + " still " + table.tableStatusAsString()
                        + " after " + ACTIVE_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
