package io.modyn.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The README's example: a class annotated @ModynTest gets a server, its endpoint and an SDK client. */
@ModynTest
class ModynTestAnnotationTest {

    @BeforeAll
    static void createTable(DynamoDbClient dynamo) {
        ModynServerTest.createTable(dynamo, "orders");
    }

    @Test
    void theEndpointIsOnLoopback(URI endpoint) {
        assertEquals("127.0.0.1", endpoint.getHost());
        assertTrue(endpoint.getPort() > 0);
    }

    @Test
    void writesAndReadsThroughTheSdk(DynamoDbClient dynamo) {
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"), "status", AttributeValue.fromS("paid"))));
        assertEquals("paid", dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1")))).item().get("status").s());
    }

    @Nested
    class NestedClasses {

        @Test
        void useTheEnclosingClassesServer(DynamoDbClient dynamo) {
            assertTrue(dynamo.listTables().tableNames().contains("orders"));
        }
    }
}
