package io.modyn.itests;

import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CreateTable: what it answers, and DynamoDB's validation errors for bad requests. */
@ExtendWith(SharedModynServer.class)
class CreateTableTest {

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(DynamoDbClient client) {
        dynamo = client;
    }

    @Test
    void createTableAnswersTheDescriptionOfTheNewTable() {
        String name = TestTables.uniqueName("create");
        TableDescription created = dynamo.createTable(onDemand(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .build()).tableDescription();

        assertEquals(name, created.tableName());
        assertTrue(created.tableStatus() == TableStatus.CREATING || created.tableStatus() == TableStatus.ACTIVE,
                "a new table is CREATING or already ACTIVE, was " + created.tableStatusAsString());
        assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), created.keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, created.billingModeSummary().billingMode());
        assertEquals(0L, created.itemCount());
        assertEquals(0L, created.tableSizeBytes());
        assertEquals(TableStatus.ACTIVE, TestTables.awaitActive(dynamo, name).tableStatus());
    }

    @Test
    void createTableWithProvisionedThroughputKeepsTheCapacity() {
        String name = TestTables.uniqueName("create-provisioned");
        TableDescription created = dynamo.createTable(hashKeyed(name)
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(3L).writeCapacityUnits(4L))
                .build()).tableDescription();

        assertEquals(3L, created.provisionedThroughput().readCapacityUnits());
        assertEquals(4L, created.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        String name = TestTables.createHashTable(dynamo, "duplicate", ScalarAttributeType.S);

        assertDynamoError(ResourceInUseException.class, "ResourceInUseException", "Table already exists: " + name,
                () -> dynamo.createTable(onDemand(name)
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH))
                        .build()));
    }

    @Test
    void tableNameShorterThanThreeCharactersIsRejected() {
        // DynamoDB's words (dynamodb-conformance, tests/tier3/error-messages/createTable.test.ts), not dynalite's.
        assertValidationError("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3",
                () -> dynamo.createTable(onDemandHashKeyed("ab")));
    }

    @Test
    void tableNameLongerThan255CharactersIsRejected() {
        String name = "a".repeat(256);
        assertValidationError("1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255",
                () -> dynamo.createTable(onDemandHashKeyed(name)));
    }

    @Test
    void aMissingTableNameHasASentenceOfItsOwn() {
        assertValidationError("The parameter 'TableName' is required but was not present in the request",
                () -> dynamo.createTable(onDemand(null)
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH))
                        .build()));
    }

    @Test
    void moreThanTwoKeySchemaElementsAreEchoedAsDynamoDbPrintsThem() {
        assertValidationError("1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), "
                        + "KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=extra, keyType=RANGE)]' "
                        + "at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("three_keys"))
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                                definition("extra", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE), key("extra", KeyType.RANGE))
                        .build()));
    }

    @Test
    void tableNameOf255CharactersIsAccepted() {
        String prefix = TestTables.uniqueName("long") + "-";
        String name = prefix + "x".repeat(255 - prefix.length());
        assertEquals(name, dynamo.createTable(onDemandHashKeyed(name)).tableDescription().tableName());
    }

    @Test
    void tableNameWithCharactersOutsideTheAllowedSetIsRejected() {
        assertValidationError("1 validation error detected: Value 'bad;name' at 'tableName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                () -> dynamo.createTable(onDemandHashKeyed("bad;name")));
    }

    @Test
    void keyAttributeWithoutAttributeDefinitionIsRejected() {
        assertValidationError("One or more parameter values were invalid: Some index key attributes are not defined "
                        + "in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("undefined-key"))
                        .attributeDefinitions(definition("other", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH))
                        .build()));
    }

    @Test
    void attributeDefinitionNotUsedByTheKeySchemaIsRejected() {
        assertValidationError("One or more parameter values were invalid: Number of attributes in KeySchema does not "
                        + "exactly match number of attributes defined in AttributeDefinitions",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("extra-definition"))
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("extra", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH))
                        .build()));
    }

    @Test
    void keySchemaStartingWithARangeKeyIsRejected() {
        assertValidationError("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("range-first"))
                        .attributeDefinitions(definition("a", ScalarAttributeType.S), definition("b", ScalarAttributeType.S))
                        .keySchema(key("a", KeyType.RANGE), key("b", KeyType.HASH))
                        .build()));
    }

    @Test
    void keySchemaWithTwoHashKeysIsRejected() {
        assertValidationError("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("two-hash"))
                        .attributeDefinitions(definition("a", ScalarAttributeType.S), definition("b", ScalarAttributeType.S))
                        .keySchema(key("a", KeyType.HASH), key("b", KeyType.HASH))
                        .build()));
    }

    @Test
    void keyAttributeTypeOutsideSNBIsRejected() {
        assertValidationError("1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
                () -> dynamo.createTable(onDemand(TestTables.uniqueName("set-key"))
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("SS").build())
                        .keySchema(key("pk", KeyType.HASH))
                        .build()));
    }

    @Test
    void provisionedTableWithoutThroughputIsRejected() {
        // Without BillingMode the table is PROVISIONED, so the throughput is required.
        assertValidationError("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
                        + "must both be specified when BillingMode is PROVISIONED",
                () -> dynamo.createTable(hashKeyed(TestTables.uniqueName("no-throughput")).build()));
    }

    @Test
    void explicitlyProvisionedTableWithoutThroughputIsRejected() {
        assertValidationError("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
                        + "must both be specified when BillingMode is PROVISIONED",
                () -> dynamo.createTable(hashKeyed(TestTables.uniqueName("no-throughput"))
                        .billingMode(BillingMode.PROVISIONED)
                        .build()));
    }

    @Test
    void payPerRequestTableWithThroughputIsRejected() {
        assertValidationError("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                        + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
                () -> dynamo.createTable(hashKeyed(TestTables.uniqueName("on-demand-throughput"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .provisionedThroughput(throughput -> throughput.readCapacityUnits(1L).writeCapacityUnits(1L))
                        .build()));
    }

    private static CreateTableRequest.Builder onDemand(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
    }

    private static CreateTableRequest.Builder hashKeyed(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH));
    }

    private static CreateTableRequest onDemandHashKeyed(String name) {
        return hashKeyed(name).billingMode(BillingMode.PAY_PER_REQUEST).build();
    }
}
