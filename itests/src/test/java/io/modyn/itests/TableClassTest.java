package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * TableClass on CreateTable and UpdateTable: STANDARD (the default) or STANDARD_INFREQUENT_ACCESS.
 * DescribeTable reports a TableClassSummary once the class has been set, and none for a table that
 * never named one, as DynamoDB does; the class changes nothing about reads and writes; other values
 * are refused, and a class change must be the only change of its UpdateTable request.
 *
 * <p>Behaviour and messages as Alternator's test suite records them from DynamoDB
 * (test/alternator/test_tableclass.py) and captures against DynamoDB (ack-api-quirks, DDB-TABLE-442).
 */
@ExtendWith(SharedModynServer.class)
class TableClassTest {

    private static final String INVALID_CLASS = "Invalid table-class parameter provided. Please try again with a valid "
            + "table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].";

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
    void aTableThatNeverNamedAClassHasNoSummary() {
        String name = TestTables.createHashTable(dynamo, "class-default", ScalarAttributeType.S);

        assertNull(describe(name).tableClassSummary());
    }

    @Test
    void infrequentAccessIsReportedAndServesItems() {
        String name = create(TableClass.STANDARD_INFREQUENT_ACCESS);

        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, describe(name).tableClassSummary().tableClass());
        dynamo.putItem(put -> put.tableName(name).item(Map.of("pk", s("hello"), "v", s("world"))));
        assertEquals(Map.of("pk", s("hello"), "v", s("world")), StoredItems.get(dynamo, name, Map.of("pk", s("hello"))));
    }

    @Test
    void anExplicitStandardClassIsReported() {
        String name = create(TableClass.STANDARD);

        assertEquals(TableClass.STANDARD, describe(name).tableClassSummary().tableClass());
    }

    @Test
    void updateTableChangesTheClassBackAndForth() {
        String name = create(TableClass.STANDARD);

        dynamo.updateTable(update -> update.tableName(name).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, TestTables.awaitActive(dynamo, name).tableClassSummary().tableClass());

        dynamo.updateTable(update -> update.tableName(name).tableClass(TableClass.STANDARD));
        assertEquals(TableClass.STANDARD, TestTables.awaitActive(dynamo, name).tableClassSummary().tableClass());
    }

    @Test
    void unknownClassesAreRefusedCaseSensitively() {
        for (String tableClass : new String[] {"standard", "ARCHIVE"}) {
            assertValidationError(INVALID_CLASS, () -> dynamo.createTable(create -> create.tableName(TestTables.uniqueName("class-bad"))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                    .tableClass(tableClass)));
        }
        String name = create(TableClass.STANDARD);
        assertValidationError(INVALID_CLASS, () -> dynamo.updateTable(update -> update.tableName(name).tableClass("junk")));
    }

    @Test
    void aClassChangeMustBeTheOnlyChangeOfItsRequest() {
        String name = create(TableClass.STANDARD);

        assertValidationError("One or more parameter values were invalid: TableClass modification must be the only operation "
                        + "in the request",
                () -> dynamo.updateTable(update -> update.tableName(name).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                        .billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(throughput -> throughput.readCapacityUnits(1L).writeCapacityUnits(1L))));
        assertEquals(TableClass.STANDARD, describe(name).tableClassSummary().tableClass());
    }

    private static String create(TableClass tableClass) {
        String name = TestTables.uniqueName("class");
        dynamo.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .tableClass(tableClass));
        TestTables.awaitActive(dynamo, name);
        return name;
    }

    private static TableDescription describe(String name) {
        return dynamo.describeTable(describe -> describe.tableName(name)).table();
    }
}
