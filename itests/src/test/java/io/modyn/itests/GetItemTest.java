package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** GetItem reads one item, or the projected part of it, by its full primary key. */
@ExtendWith(SharedModynServer.class)
class GetItemTest {

    private static DynamoDbClient dynamo;
    private static String rangeTable;

    @BeforeAll
    static void createTable(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        rangeTable = TestTables.createHashRangeTable(dynamo, "get", ScalarAttributeType.S, ScalarAttributeType.B);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void getReturnsTheItemStoredUnderTheKey() {
        Map<String, AttributeValue> item = Map.of("pk", s(uniqueKey()), "sk", b((byte) 1, (byte) 2), "v", n("42"));
        dynamo.putItem(put -> put.tableName(rangeTable).item(item));

        assertSameItem(item, dynamo.getItem(get -> get.tableName(rangeTable)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))).item());
    }

    @Test
    void consistentReadSeesTheLatestWrite() {
        Map<String, AttributeValue> key = Map.of("pk", s(uniqueKey()), "sk", b((byte) 0));
        dynamo.putItem(put -> put.tableName(rangeTable).item(with(key, "v", s("old"))));
        dynamo.putItem(put -> put.tableName(rangeTable).item(with(key, "v", s("new"))));

        assertSameItem(with(key, "v", s("new")),
                dynamo.getItem(get -> get.tableName(rangeTable).key(key).consistentRead(true)).item());
    }

    @Test
    void getOfAMissingKeyAnswersNoItem() {
        assertFalse(dynamo.getItem(get -> get.tableName(rangeTable)
                .key(Map.of("pk", s(uniqueKey()), "sk", b((byte) 1)))).hasItem());
    }

    @Test
    void projectionAnswersOnlyTheNamedAttributes() {
        Map<String, AttributeValue> item = Map.of("pk", s(uniqueKey()), "sk", b((byte) 1), "v", n("42"), "w", s("x"));
        dynamo.putItem(put -> put.tableName(rangeTable).item(item));

        Map<String, AttributeValue> projected = dynamo.getItem(get -> get.tableName(rangeTable)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).consistentRead(true)
                .projectionExpression("#v, sk").expressionAttributeNames(Map.of("#v", "v"))).item();

        assertSameItem(Map.of("sk", b((byte) 1), "v", n("42")), projected);
    }

    @Test
    void namePlaceholdersWithoutAProjectionAreRefused() {
        assertValidationError("ExpressionAttributeNames can only be specified when using expressions",
                () -> dynamo.getItem(get -> get.tableName(rangeTable).key(Map.of("pk", s("x"), "sk", b((byte) 1)))
                        .expressionAttributeNames(Map.of("#v", "v"))));
    }

    @Test
    void keyWithoutTheSortKeyDoesNotMatchTheSchema() {
        assertValidationError("The provided key element does not match the schema",
                () -> dynamo.getItem(get -> get.tableName(rangeTable).key(Map.of("pk", s("x")))));
    }

    @Test
    void keyWithAnExtraAttributeDoesNotMatchTheSchema() {
        assertValidationError("The provided key element does not match the schema",
                () -> dynamo.getItem(get -> get.tableName(rangeTable)
                        .key(Map.of("pk", s("x"), "sk", b((byte) 1), "extra", s("y")))));
    }

    @Test
    void keyOfTheWrongTypeDoesNotMatchTheSchema() {
        assertValidationError("The provided key element does not match the schema",
                () -> dynamo.getItem(get -> get.tableName(rangeTable).key(Map.of("pk", s("x"), "sk", s("1")))));
    }

    @Test
    void emptyStringKeyIsRejected() {
        assertValidationError("One or more parameter values are not valid. The AttributeValue for a key attribute "
                        + "cannot contain an empty string value. Key: pk",
                () -> dynamo.getItem(get -> get.tableName(rangeTable).key(Map.of("pk", s(""), "sk", b((byte) 1)))));
    }

    @Test
    void getFromAnUnknownTableIsResourceNotFound() {
        assertDynamoError(ResourceNotFoundException.class, "ResourceNotFoundException", "Requested resource not found",
                () -> dynamo.getItem(get -> get.tableName(TestTables.uniqueName("missing")).key(Map.of("pk", s("x")))));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> key, String name, AttributeValue value) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(name, value);
        return item;
    }

    private static String uniqueKey() {
        return UUID.randomUUID().toString();
    }
}
