package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SDK's enhanced client maps a bean to a table: create, put, get and query through it. */
@ExtendWith(SharedModynServer.class)
class EnhancedClientTest {

    private static DynamoDbTable<CustomerOrder> orders;

    @BeforeAll
    static void createTable(DynamoDbClient dynamo) {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        String name = TestTables.uniqueName("enhanced");
        orders = enhanced.table(name, TableSchema.fromBean(CustomerOrder.class));
        orders.createTable();
        TestTables.awaitActive(dynamo, name);
    }

    @Test
    void beanRoundTripsThroughPutAndGet() {
        CustomerOrder order = CustomerOrder.of("alice", "2024-01-15#0001", new BigDecimal("19.99"), List.of("book", "pen"));
        orders.putItem(order);

        CustomerOrder read = orders.getItem(Key.builder().partitionValue("alice").sortValue("2024-01-15#0001").build());

        assertEquals(order, read);
    }

    @Test
    void getOfAMissingKeyAnswersNull() {
        assertNull(orders.getItem(Key.builder().partitionValue("nobody").sortValue("none").build()));
    }

    @Test
    void queryBySortKeyPrefixAnswersTheMatchingBeansInOrder() {
        orders.putItem(CustomerOrder.of("bob", "2024-02-01#0002", new BigDecimal("5"), List.of("tea")));
        orders.putItem(CustomerOrder.of("bob", "2024-01-20#0001", new BigDecimal("7.50"), List.of()));
        orders.putItem(CustomerOrder.of("bob", "2023-12-31#0009", new BigDecimal("1"), List.of("old")));
        orders.putItem(CustomerOrder.of("carol", "2024-01-01#0001", new BigDecimal("3"), List.of("other customer")));

        List<String> ids = orders.query(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue("bob").sortValue("2024-").build()))
                .items().stream().map(CustomerOrder::getOrderId).toList();

        assertEquals(List.of("2024-01-20#0001", "2024-02-01#0002"), ids);
    }
}
