package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Requests of the item operations that lack a required member, sent raw since the SDKs refuse to:
 * DynamoDB answers a constraint violation per missing member, in its "N validation error(s)
 * detected" form (dynalite's test/putItem.js and test/batchGetItem.js, run against DynamoDB;
 * paritysuite/dynamodb-conformance, tests/tier3/error-messages/putItem.test.ts).
 */
@ExtendWith(SharedModynServer.class)
class RequiredMembersTest {

    private static final String NOT_NULL = "' failed to satisfy constraint: Member must not be null";

    private static WireClient wire;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient dynamo, WireClient wireClient) {
        wire = wireClient;
        table = TestTables.createHashTable(dynamo, "required", ScalarAttributeType.S);
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = '|', value = {
            "PutItem        | item         | {\"TableName\":\"%s\"}",
            "GetItem        | key          | {\"TableName\":\"%s\"}",
            "UpdateItem     | key          | {\"TableName\":\"%s\",\"UpdateExpression\":\"REMOVE a\"}",
            "DeleteItem     | key          | {\"TableName\":\"%s\"}",
            "Query          | tableName    | {\"KeyConditionExpression\":\"pk = :pk\",\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"x\"}}}",
            "Scan           | tableName    | {}",
            "GetItem        | tableName    | {\"Key\":{\"pk\":{\"S\":\"x\"}}}",
            "BatchGetItem   | requestItems | {}",
            "BatchWriteItem | requestItems | {}",
    })
    void missingRequiredMemberIsAConstraintViolation(String operation, String member, String body) {
        WireResponse response = wire.post(operation).body(body.formatted(table)).send();

        assertEquals(400, response.status(), response::toString);
        assertEquals("com.amazon.coral.validate#ValidationException", response.errorType(), response::toString);
        assertEquals("1 validation error detected: Value null at '" + member + NOT_NULL, response.errorMessage(),
                response::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PutItem    | item",
            "DeleteItem | key",
    })
    void twoMissingMembersAreTwoViolations(String operation, String member) {
        WireResponse response = wire.post(operation).body("{}").send();

        assertEquals(400, response.status(), response::toString);
        assertEquals("2 validation errors detected: Value null at 'tableName" + NOT_NULL + "; Value null at '" + member
                + NOT_NULL, response.errorMessage(), response::toString);
    }
}
