package io.modyn.protocol.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoDbOperationsTest {

    @Test
    void everyImplementedOperationIsRoutedByItsTarget() {
        for (String name : List.of("CreateTable", "DescribeTable", "ListTables", "UpdateTable", "DeleteTable",
                "PutItem", "GetItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Query", "Scan")) {
            assertEquals(name, DynamoDbOperations.forTarget("DynamoDB_20120810." + name).name());
        }
    }

    @Test
    void otherTargetsAreUnknown() {
        assertNull(DynamoDbOperations.forTarget(null));
        assertNull(DynamoDbOperations.forTarget("DynamoDB_20120810."));
        assertNull(DynamoDbOperations.forTarget("DynamoDB_20120810.TransactWriteItems"));
        assertNull(DynamoDbOperations.forTarget("DynamoDB_20111205.PutItem"));
        assertNull(DynamoDbOperations.forTarget("dynamodb_20120810.PutItem"));
        assertNull(DynamoDbOperations.forTarget("DynamoDB_20120810.putItem"));
    }
}
