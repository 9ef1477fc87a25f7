package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** UpdateTable switches the billing mode and changes provisioned throughput; the data stays. */
@ExtendWith(SharedModynServer.class)
class UpdateTableTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(DynamoDbClient client) {
        dynamo = client;
    }

    @Test
    void provisionedTableSwitchesToOnDemand() {
        String name = createProvisioned("update-to-on-demand", 5, 5);

        dynamo.updateTable(update -> update.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST));

        TableDescription table = TestTables.awaitActive(dynamo, name);
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    }

    @Test
    void onDemandTableSwitchesToProvisionedWithTheGivenThroughput() {
        String name = TestTables.createHashTable(dynamo, "update-to-provisioned", ScalarAttributeType.S);

        dynamo.updateTable(update -> update.tableName(name)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(3L).writeCapacityUnits(4L)));

        TableDescription table = TestTables.awaitActive(dynamo, name);
        assertEquals(BillingMode.PROVISIONED, table.billingModeSummary().billingMode());
        assertEquals(3L, table.provisionedThroughput().readCapacityUnits());
        assertEquals(4L, table.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void provisionedThroughputChanges() {
        String name = createProvisioned("update-throughput", 1, 1);

        TableDescription answered = dynamo.updateTable(update -> update.tableName(name)
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(7L).writeCapacityUnits(9L)))
                .tableDescription();

        assertEquals(name, answered.tableName());
        TableDescription table = TestTables.awaitActive(dynamo, name);
        assertEquals(7L, table.provisionedThroughput().readCapacityUnits());
        assertEquals(9L, table.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void itemsSurviveABillingModeSwitch() {
        String name = createProvisioned("update-keeps-items", 2, 2);
        dynamo.putItem(put -> put.tableName(name).item(Map.of("pk", s("kept"), "v", s("value"))));

        dynamo.updateTable(update -> update.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST));
        TestTables.awaitActive(dynamo, name);

        assertEquals(s("value"), dynamo.getItem(get -> get.tableName(name).key(Map.of("pk", s("kept")))).item().get("v"));
    }

    @Test
    void updatingAnUnknownTableIsResourceNotFound() {
        String name = TestTables.uniqueName("missing");
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Table: " + name + " not found",
                () -> dynamo.updateTable(update -> update.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)));
    }

    private static String createProvisioned(String purpose, long read, long write) {
        String name = TestTables.uniqueName(purpose);
        dynamo.createTable(create -> create
                .tableName(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(read).writeCapacityUnits(write)));
        TestTables.awaitActive(dynamo, name);
        return name;
    }
}
