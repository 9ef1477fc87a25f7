package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DeletionProtectionEnabled on CreateTable and UpdateTable (API reference): DescribeTable reports
 * it, DeleteTable is refused while it is set and the table keeps its items, and once UpdateTable
 * clears it the table can be deleted. A change of deletion protection must be the only change of
 * its UpdateTable request.
 *
 * <p>Messages as captured against DynamoDB (ack-api-quirks, DDB-TABLE-442).
 */
@ExtendWith(SharedModynServer.class)
class DeletionProtectionTest {

    private static final String PROTECTED =
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.";

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
    void aNewTableIsNotProtected() {
        String name = TestTables.createHashTable(dynamo, "unprotected", ScalarAttributeType.S);

        assertFalse(Boolean.TRUE.equals(describe(name).deletionProtectionEnabled()));
    }

    @Test
    void aProtectedTableCannotBeDeletedAndKeepsItsItems() {
        String name = createProtected();
        dynamo.putItem(put -> put.tableName(name).item(Map.of("pk", s("kept"))));

        assertTrue(describe(name).deletionProtectionEnabled());
        assertValidationError(PROTECTED, () -> dynamo.deleteTable(delete -> delete.tableName(name)));
        assertEquals(Map.of("pk", s("kept")), StoredItems.get(dynamo, name, Map.of("pk", s("kept"))));
    }

    @Test
    void clearingTheProtectionAllowsTheDeletion() {
        String name = createProtected();

        dynamo.updateTable(update -> update.tableName(name).deletionProtectionEnabled(false));
        TableDescription table = TestTables.awaitActive(dynamo, name);

        assertFalse(table.deletionProtectionEnabled());
        dynamo.deleteTable(delete -> delete.tableName(name));
        Eventually.await(name + " is deleted", Duration.ofSeconds(30), () -> {
            try {
                describe(name);
                return false;
            } catch (ResourceNotFoundException gone) {
                return true;
            }
        });
    }

    @Test
    void updateTableCanProtectAnExistingTable() {
        String name = TestTables.createHashTable(dynamo, "protect-later", ScalarAttributeType.S);

        dynamo.updateTable(update -> update.tableName(name).deletionProtectionEnabled(true));

        assertTrue(TestTables.awaitActive(dynamo, name).deletionProtectionEnabled());
        assertValidationError(PROTECTED, () -> dynamo.deleteTable(delete -> delete.tableName(name)));
    }

    @Test
    void deletionProtectionMustBeTheOnlyChangeOfItsRequest() {
        String name = TestTables.createHashTable(dynamo, "protect-and-more", ScalarAttributeType.S);

        assertValidationError("One or more parameter values were invalid: DeletionProtection modification must be the only "
                        + "operation in the request",
                () -> dynamo.updateTable(update -> update.tableName(name).deletionProtectionEnabled(true)
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(throughput -> throughput.readCapacityUnits(1L).writeCapacityUnits(1L))));
        assertFalse(Boolean.TRUE.equals(describe(name).deletionProtectionEnabled()));
    }

    private static String createProtected() {
        String name = TestTables.uniqueName("protected");
        dynamo.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .deletionProtectionEnabled(true));
        TestTables.awaitActive(dynamo, name);
        return name;
    }

    private static TableDescription describe(String name) {
        return dynamo.describeTable(describe -> describe.tableName(name)).table();
    }
}
