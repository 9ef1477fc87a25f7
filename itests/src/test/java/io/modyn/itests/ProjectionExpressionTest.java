package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ProjectionExpression: top-level attributes, members of maps and elements of lists, placeholders
 * for names, on GetItem, Query and Scan; the refusals (overlapping and conflicting paths, reserved
 * words, undefined and unused names) with DynamoDB's messages.
 */
@ExtendWith(SharedModynServer.class)
class ProjectionExpressionTest {

    private static DynamoDbClient dynamo;
    private static String table;
    private static String partition;
    private static Map<String, AttributeValue> key;

    @BeforeAll
    static void createTableWithItem(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        table = TestTables.createHashRangeTable(dynamo, "projection", ScalarAttributeType.S, ScalarAttributeType.N);
        partition = UUID.randomUUID().toString();
        key = Map.of("pk", s(partition), "sk", n(1));
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put("a", s("x"));
        item.put("b", n(2));
        item.put("m", m(Map.of("x", n(1), "y", m(Map.of("z", s("deep"))), "w", l(n(1), n(2)))));
        item.put("l", l(s("zero"), m(Map.of("k", s("v"), "j", s("w"))), l(s("inner0"), s("inner1"))));
        item.put("dotted.part", s("d"));
        item.put("status", s("active"));
        dynamo.putItem(put -> put.tableName(table).item(item));
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s(partition), "sk", n(2), "a", s("second"))));
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void topLevelAttributesAreReturnedAndTheKeyOnlyWhenNamed() {
        assertSameItem(Map.of("a", s("x"), "b", n(2)), get("a, b"));
        assertSameItem(Map.of("pk", s(partition), "a", s("x")), get("pk,a"));
    }

    @Test
    void mapMemberComesBackInsideItsEnclosingMaps() {
        assertSameItem(Map.of("m", m(Map.of("y", m(Map.of("z", s("deep")))))), get("m.y.z"));
    }

    @Test
    void severalPathsIntoOneMapAreMerged() {
        assertSameItem(Map.of("m", m(Map.of("x", n(1), "y", m(Map.of("z", s("deep")))))), get("m.x, m.y.z"));
    }

    @Test
    void listElementComesBackAsAListOfThatElement() {
        assertSameItem(Map.of("l", l(m(Map.of("k", s("v"))))), get("l[1].k"));
        assertSameItem(Map.of("m", m(Map.of("w", l(n(2))))), get("m.w[1]"));
    }

    @Test
    void listElementsKeepTheOrderOfTheList() {
        assertSameItem(Map.of("l", l(s("zero"), l(s("inner1")))), get("l[2][1], l[0]"));
    }

    @Test
    void pathsTheItemLacksAreLeftOut() {
        assertSameItem(Map.of("a", s("x")), get("a, nothing, m.nothing, l[9], b.c"));
    }

    @Test
    void projectionOfNothingTheItemHoldsAnswersAnEmptyItem() {
        GetItemResponse response = dynamo.getItem(request("nothing", Map.of()));

        assertTrue(!response.hasItem() || response.item().isEmpty(), () -> "item " + response.item());
    }

    @Test
    void namePlaceholdersStandForReservedWordsDottedNamesAndPathElements() {
        Map<String, AttributeValue> projected = dynamo.getItem(request("#status, #dotted, #m.#y",
                Map.of("#status", "status", "#dotted", "dotted.part", "#m", "m", "#y", "y"))).item();

        assertSameItem(Map.of("status", s("active"), "dotted.part", s("d"), "m", m(Map.of("y", m(Map.of("z", s("deep")))))),
                projected);
    }

    @Test
    void queryAndScanProjectEveryItem() {
        List<Map<String, AttributeValue>> queried = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition)))
                .projectionExpression("a")).items();
        List<Map<String, AttributeValue>> scanned = dynamo.scan(scan -> scan.tableName(table)
                .filterExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition)))
                .projectionExpression("sk, m.x")).items();

        assertEquals(List.of(Map.of("a", s("x")), Map.of("a", s("second"))), queried);
        assertEquals(2, scanned.size());
        assertTrue(scanned.contains(Map.of("sk", n(1), "m", m(Map.of("x", n(1))))), scanned::toString);
        assertTrue(scanned.contains(Map.of("sk", n(2))), scanned::toString);
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', value = {
            "''               | Invalid ProjectionExpression: The expression can not be empty;",
            "a, a             | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
            "m, m.x           | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]",
            "l[1].k, l[1]     | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l, [1], k], path two: [l, [1]]",
            "m.x, m[0]        | Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [m, x], path two: [m, [0]]",
            "a, status        | Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status",
            "a, #nope         | Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope",
    })
    void refusedProjection(String projection, String message) {
        assertValidationError(message, () -> dynamo.getItem(request(projection, Map.of())));
    }

    @Test
    void pathsOverlappingAfterNameSubstitutionAreRefused() {
        assertValidationError("Invalid ProjectionExpression: Two document paths overlap with each other; "
                        + "must remove or rewrite one of these paths; path one: [a], path two: [a]",
                () -> dynamo.getItem(request("#one, #two", Map.of("#one", "a", "#two", "a"))));
    }

    @Test
    void syntaxErrorIsRefused() {
        assertValidationErrorStartingWith("Invalid ProjectionExpression: Syntax error; token: ",
                () -> dynamo.getItem(request("a,,b", Map.of())));
        assertValidationErrorStartingWith("Invalid ProjectionExpression: Syntax error; token: ",
                () -> dynamo.getItem(request("a = b", Map.of())));
    }

    @Test
    void unusedNamePlaceholderIsRefused() {
        assertValidationError("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
                () -> dynamo.getItem(request("#a", Map.of("#a", "a", "#unused", "b"))));
    }

    @Test
    void projectionIsCheckedOnQueryAndScanToo() {
        assertValidationError("Invalid ProjectionExpression: Two document paths overlap with each other; "
                        + "must remove or rewrite one of these paths; path one: [a], path two: [a]",
                () -> dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(partition))).projectionExpression("a, a")));
        assertValidationError("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Status",
                () -> dynamo.scan(scan -> scan.tableName(table).projectionExpression("Status")));
    }

    private static Map<String, AttributeValue> get(String projection) {
        return dynamo.getItem(request(projection, Map.of())).item();
    }

    private static GetItemRequest request(String projection, Map<String, String> names) {
        GetItemRequest.Builder request = GetItemRequest.builder().tableName(table).key(key).consistentRead(true)
                .projectionExpression(projection);
        if (!names.isEmpty()) request.expressionAttributeNames(names);
        return request.build();
    }
}
