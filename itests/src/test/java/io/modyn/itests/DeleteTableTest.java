package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DeleteTable removes the table and its items. */
@ExtendWith(SharedModynServer.class)
class DeleteTableTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(DynamoDbClient client) {
        dynamo = client;
    }

    @Test
    void deleteTableAnswersTheDescriptionAndTheTableIsGone() {
        String name = TestTables.createHashTable(dynamo, "delete", ScalarAttributeType.S);

        TableDescription deleted = dynamo.deleteTable(delete -> delete.tableName(name)).tableDescription();

        assertEquals(name, deleted.tableName());
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found",
                () -> dynamo.describeTable(describe -> describe.tableName(name)));
        assertFalse(dynamo.listTablesPaginator().tableNames().stream().anyMatch(name::equals));
    }

    @Test
    void aTableCreatedAgainUnderTheSameNameStartsEmpty() {
        String name = TestTables.createHashTable(dynamo, "recreate", ScalarAttributeType.S);
        dynamo.putItem(put -> put.tableName(name).item(Map.of("pk", s("old"), "v", s("before delete"))));
        dynamo.deleteTable(delete -> delete.tableName(name));

        dynamo.createTable(create -> create
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(TestTables.definition("pk", ScalarAttributeType.S))
                .keySchema(TestTables.key("pk", KeyType.HASH)));
        TestTables.awaitActive(dynamo, name);

        assertFalse(dynamo.getItem(get -> get.tableName(name).key(Map.of("pk", s("old")))).hasItem());
        assertEquals(0, dynamo.scan(scan -> scan.tableName(name)).count());
    }

    @Test
    void deletingAnUnknownTableIsResourceNotFound() {
        String name = TestTables.uniqueName("missing");
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found",
                () -> dynamo.deleteTable(delete -> delete.tableName(name)));
    }
}
