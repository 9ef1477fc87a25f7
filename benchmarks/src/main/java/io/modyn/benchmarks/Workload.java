package io.modyn.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The operations measured, on one table of {@value #PARTITIONS} partitions with
 * {@value #ITEMS_PER_PARTITION} items each and values of about {@value #VALUE_BYTES} bytes.
 */
enum Workload {
    PUT_ITEM("PutItem") {
        @Override
        void runOnce(DynamoDbClient client, String table) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            client.putItem(put -> put.tableName(table).item(item(random.nextInt(PARTITIONS), random.nextInt(ITEMS_PER_PARTITION))));
        }
    },
    GET_ITEM("GetItem") {
        @Override
        void runOnce(DynamoDbClient client, String table) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            client.getItem(get -> get.tableName(table).key(key(random.nextInt(PARTITIONS), random.nextInt(ITEMS_PER_PARTITION))));
        }
    },
    QUERY("Query (10 items)") {
        @Override
        void runOnce(DynamoDbClient client, String table) {
            int partition = ThreadLocalRandom.current().nextInt(PARTITIONS);
            client.query(query -> query.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("partition-" + partition))));
        }
    };

    static final int PARTITIONS = 1000;
    static final int ITEMS_PER_PARTITION = 10;
    static final int VALUE_BYTES = 200;
    private static final String VALUE = "x".repeat(VALUE_BYTES);

    private final String label;

    Workload(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract void runOnce(DynamoDbClient client, String table);

    static void createTable(DynamoDbClient client, String table) {
        client.createTable(create -> create.tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /** Fills the table so that every GetItem and Query finds its items. */
    static void load(DynamoDbClient client, String table) {
        for (int p = 0; p < PARTITIONS; p++) {
            for (int s = 0; s < ITEMS_PER_PARTITION; s++) {
                Map<String, AttributeValue> item = item(p, s);
                client.putItem(put -> put.tableName(table).item(item));
            }
        }
    }

    private static Map<String, AttributeValue> key(int partition, int sort) {
        return Map.of("pk", AttributeValue.fromS("partition-" + partition), "sk", AttributeValue.fromN(Integer.toString(sort)));
    }

    private static Map<String, AttributeValue> item(int partition, int sort) {
        return Map.of("pk", AttributeValue.fromS("partition-" + partition), "sk", AttributeValue.fromN(Integer.toString(sort)),
                "value", AttributeValue.fromS(VALUE), "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))));
    }
}
