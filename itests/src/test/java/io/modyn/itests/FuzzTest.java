package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.JsonDocuments;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import io.modyn.itests.support.fuzz.ExpressionFuzzer;
import io.modyn.itests.support.fuzz.FuzzTally;
import io.modyn.itests.support.fuzz.JsonMutator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Throws random and mutated expressions and mutated request bodies at the server, with a fixed seed
 * and a bounded number of requests and time, and checks what must hold for any input: no answer is
 * a 5xx, every error carries a DynamoDB {@code __type} and message, every body is JSON, and a write
 * that is refused leaves the table exactly as it was (compared with a strongly consistent scan
 * before and after).
 *
 * <p>Half the requests carry an expression built from the grammar ({@link ExpressionFuzzer}),
 * half of those mutated token by token; the other half are valid bodies of the item operations
 * with random JSON edits ({@link JsonMutator}). The figures are printed to the test output.
 * {@code -Dmodyn.fuzz.seed}, {@code -Dmodyn.fuzz.requests} and {@code -Dmodyn.fuzz.seconds}
 * change the run.
 */
@ExtendWith(SharedModynServer.class)
class FuzzTest {

    private static final long SEED = Long.getLong("modyn.fuzz.seed", 20_240_611L);
    private static final int MAX_REQUESTS = Integer.getInteger("modyn.fuzz.requests", 10000);
    private static final Duration MAX_TIME = Duration.ofSeconds(Long.getLong("modyn.fuzz.seconds", 45));
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
    private static final Pattern VALUE_PLACEHOLDER = Pattern.compile(":[A-Za-z0-9_]+");
    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#[A-Za-z0-9_]+");
    /** Values for every placeholder the expression fuzzer uses. */
    private static final JsonObject VALUES = JsonDocuments.parseObject("""
            {":v1":{"N":"5"},":v2":{"S":"x"},":v3":{"L":[{"N":"1"}]},":v4":{"SS":["x"]},":v5":{"N":"100"},
             ":v6":{"S":"N"},":pk":{"S":"p1"},":fz":{"N":"1"}}""");
    private static final JsonObject NAMES = JsonDocuments.parseObject("{\"#n1\":\"a\",\"#n2\":\"m\"}");

    private final Random random = new Random(SEED);
    private final ExpressionFuzzer expressions = new ExpressionFuzzer(random);
    private final JsonMutator mutator = new JsonMutator(random);
    private final FuzzTally tally = new FuzzTally();
    private WireClient wire;
    private String table;

    @Test
    void noInputGetsA5xxAnUntypedErrorOrAPartialWrite(DynamoDbClient dynamo, WireClient wireClient) {
        wire = wireClient;
        table = TestTables.createHashRangeTable(dynamo, "fuzz", ScalarAttributeType.S, ScalarAttributeType.N);
        for (int p = 0; p < 4; p++) {
            for (int sk = 0; sk < 3; sk++) {
                send("seed", "PutItem", JsonDocuments.parseObject("{\"TableName\":\"" + table + "\",\"Item\":"
                        + seedItem("p" + p, sk) + "}"));
            }
        }
        List<JsonObject> snapshot = snapshot();

        Instant start = Instant.now();
        Instant deadline = start.plus(MAX_TIME);
        while (tally.requests() < MAX_REQUESTS && Instant.now().isBefore(deadline)) {
            Request request = random.nextBoolean() ? expressionRequest() : mutatedBody();
            WireResponse response = send(request.kind(), request.operation(), request.body());
            if (WRITES.contains(request.operation())) {
                List<JsonObject> after = snapshot();
                if (response.status() / 100 != 2) {
                    tally.snapshotChecked();
                    if (!after.equals(snapshot)) {
                        tally.violation("refused " + request.operation() + " changed the table: " + request.body()
                                + " -> " + response);
                    }
                }
                snapshot = after;
            }
        }
        tally.print(System.out, SEED, Duration.between(start, Instant.now()).toMillis());

        assertTrue(tally.requests() > 100, () -> "only " + tally.requests() + " requests were sent");
        assertEquals(0, tally.violationCount(), () -> String.join("\n", tally.violations()));
    }

    /** Sends one request and checks what must hold for any answer. */
    private WireResponse send(String kind, String operation, JsonObject body) {
        WireResponse response = wire.post(operation).body(body.toString()).send();
        String errorType = null;
        try {
            JsonObject answer = response.json();
            if (response.status() / 100 != 2) {
                errorType = answer.getString("__type", null);
                String message = response.errorMessage();
                if (errorType == null || errorType.isBlank() || message == null) {
                    tally.violation("error without __type or message: " + operation + " " + body + " -> " + response);
                }
            }
        } catch (RuntimeException e) {
            tally.violation("answer is not a JSON object: " + operation + " " + body + " -> " + response);
        }
        if (response.status() >= 500) {
            tally.violation("HTTP " + response.status() + ": " + operation + " " + body + " -> " + response);
        }
        tally.record(kind, operation, response.status(), errorType);
        return response;
    }

    private Request expressionRequest() {
        boolean mutate = random.nextBoolean();
        String kind = mutate ? "mutated-expression" : "expression";
        JsonObjectBuilder body = Json.createObjectBuilder().add("TableName", table);
        String operation;
        String expression;
        // The request's other expressions, whose placeholders need values too.
        String fixed = "";
        switch (random.nextInt(6)) {
            case 0 -> {
                operation = "UpdateItem";
                expression = maybeMutate(expressions.condition(2), mutate);
                fixed = "SET fz = :fz";
                body.add("Key", key()).add("UpdateExpression", fixed).add("ConditionExpression", expression);
            }
            case 1 -> {
                operation = "UpdateItem";
                expression = maybeMutate(expressions.update(), mutate);
                body.add("Key", key()).add("UpdateExpression", expression);
            }
            case 2 -> {
                operation = "Scan";
                expression = maybeMutate(expressions.condition(2), mutate);
                body.add("FilterExpression", expression).add("Limit", 1 + random.nextInt(20));
            }
            case 3 -> {
                operation = "Query";
                expression = maybeMutate(expressions.condition(1), mutate);
                fixed = "pk = :pk";
                body.add("KeyConditionExpression", fixed).add("FilterExpression", expression);
            }
            case 4 -> {
                operation = "GetItem";
                expression = maybeMutate(expressions.projection(), mutate);
                body.add("Key", key()).add("ProjectionExpression", expression);
            }
            default -> {
                operation = "Query";
                expression = maybeMutate(expressions.keyCondition(), mutate);
                body.add("KeyConditionExpression", expression);
            }
        }
        addPlaceholders(body, expression + " " + fixed);
        return new Request(kind, operation, body.build());
    }

    private String maybeMutate(String expression, boolean mutate) {
        return mutate ? expressions.mutate(expression) : expression;
    }

    /** Mostly exactly the placeholders the expressions name (DynamoDB refuses unused ones), sometimes all. */
    private void addPlaceholders(JsonObjectBuilder body, String expressionText) {
        boolean all = random.nextInt(8) == 0;
        JsonObjectBuilder values = Json.createObjectBuilder();
        JsonObjectBuilder names = Json.createObjectBuilder();
        int valueCount = 0;
        int nameCount = 0;
        for (Map.Entry<String, JsonValue> value : VALUES.entrySet()) {
            if (all || contains(VALUE_PLACEHOLDER, expressionText, value.getKey())) {
                values.add(value.getKey(), value.getValue());
                valueCount++;
            }
        }
        for (Map.Entry<String, JsonValue> name : NAMES.entrySet()) {
            if (all || contains(NAME_PLACEHOLDER, expressionText, name.getKey())) {
                names.add(name.getKey(), name.getValue());
                nameCount++;
            }
        }
        if (valueCount > 0) body.add("ExpressionAttributeValues", values);
        if (nameCount > 0) body.add("ExpressionAttributeNames", names);
    }

    private static boolean contains(Pattern placeholder, String expression, String wanted) {
        Matcher matcher = placeholder.matcher(expression);
        while (matcher.find()) {
            if (matcher.group().equals(wanted)) return true;
        }
        return false;
    }

    private Request mutatedBody() {
        String pk = "p" + random.nextInt(4);
        int sk = random.nextInt(3);
        String key = "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"}}";
        String t = "\"TableName\":\"" + table + "\"";
        String[][] bases = {
                {"PutItem", "{" + t + ",\"Item\":" + seedItem(pk, sk) + ",\"ConditionExpression\":"
                        + "\"attribute_exists(a) OR attribute_not_exists(pk)\",\"ReturnValues\":\"ALL_OLD\"}"},
                {"UpdateItem", "{" + t + ",\"Key\":" + key + ",\"UpdateExpression\":\"SET a = :v2, n = n + :v1 "
                        + "REMOVE missing ADD ss :v4\",\"ConditionExpression\":\"attribute_exists(pk)\","
                        + "\"ExpressionAttributeValues\":{\":v1\":{\"N\":\"1\"},\":v2\":{\"S\":\"y\"},"
                        + "\":v4\":{\"SS\":[\"c\"]}},\"ReturnValues\":\"UPDATED_NEW\"}"},
                {"UpdateItem", "{" + t + ",\"Key\":" + key + ",\"AttributeUpdates\":{\"a\":{\"Action\":\"PUT\","
                        + "\"Value\":{\"S\":\"z\"}},\"n\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"2\"}}},"
                        + "\"Expected\":{\"a\":{\"ComparisonOperator\":\"NOT_NULL\"}}}"},
                {"DeleteItem", "{" + t + ",\"Key\":" + key + ",\"ConditionExpression\":\"n < :v5\","
                        + "\"ExpressionAttributeValues\":{\":v5\":{\"N\":\"100\"}},\"ReturnValues\":\"ALL_OLD\"}"},
                {"Query", "{" + t + ",\"KeyConditionExpression\":\"pk = :pk AND sk >= :v1\",\"FilterExpression\":"
                        + "\"attribute_exists(a)\",\"ProjectionExpression\":\"a, #n2.x\",\"ExpressionAttributeNames\":"
                        + "{\"#n2\":\"m\"},\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"" + pk + "\"},"
                        + "\":v1\":{\"N\":\"0\"}},\"Limit\":5,\"ScanIndexForward\":false}"},
                {"Query", "{" + t + ",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":"
                        + "[{\"S\":\"" + pk + "\"}]}},\"QueryFilter\":{\"n\":{\"ComparisonOperator\":\"BETWEEN\","
                        + "\"AttributeValueList\":[{\"N\":\"0\"},{\"N\":\"9\"}]}},\"AttributesToGet\":[\"a\",\"n\"]}"},
                {"Scan", "{" + t + ",\"FilterExpression\":\"n BETWEEN :lo AND :hi\",\"ExpressionAttributeValues\":"
                        + "{\":lo\":{\"N\":\"0\"},\":hi\":{\"N\":\"9\"}},\"Limit\":7,\"Segment\":0,\"TotalSegments\":2,"
                        + "\"ReturnConsumedCapacity\":\"INDEXES\"}"},
                {"GetItem", "{" + t + ",\"Key\":" + key + ",\"ProjectionExpression\":\"a, l[0]\",\"ConsistentRead\":true}"},
                {"BatchWriteItem", "{\"RequestItems\":{\"" + table + "\":[{\"PutRequest\":{\"Item\":"
                        + seedItem(pk, (sk + 1) % 3) + "}},{\"DeleteRequest\":{\"Key\":" + key + "}}]},"
                        + "\"ReturnConsumedCapacity\":\"TOTAL\"}"},
                {"BatchGetItem", "{\"RequestItems\":{\"" + table + "\":{\"Keys\":[" + key + ",{\"pk\":{\"S\":\"other\"},"
                        + "\"sk\":{\"N\":\"1\"}}],\"ProjectionExpression\":\"a, m\",\"ConsistentRead\":true}}}"},
        };
        String[] base = bases[random.nextInt(bases.length)];
        return new Request("mutated-body", base[0], mutator.mutate(JsonDocuments.parseObject(base[1])));
    }

    private JsonObject key() {
        return JsonDocuments.parseObject("{\"pk\":{\"S\":\"p" + random.nextInt(4) + "\"},\"sk\":{\"N\":\""
                + random.nextInt(3) + "\"}}");
    }

    private static String seedItem(String pk, int sk) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"},\"a\":{\"S\":\"x" + sk + "\"},"
                + "\"n\":{\"N\":\"" + sk + "\"},\"s\":{\"S\":\"text\"},\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"x\"},"
                + "{\"M\":{\"k\":{\"S\":\"v\"}}}]},\"m\":{\"M\":{\"x\":{\"N\":\"1\"},\"y\":{\"M\":{\"z\":{\"S\":\"deep\"}}},"
                + "\"list\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"}]}}},\"b\":{\"B\":\"AQID\"},\"t\":{\"BOOL\":true},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2\"]}}";
    }

    /** Every item of the fuzzed table, by strongly consistent raw scans. */
    private List<JsonObject> snapshot() {
        List<JsonObject> items = new ArrayList<>();
        JsonValue startKey = null;
        do {
            JsonObjectBuilder body = Json.createObjectBuilder().add("TableName", table).add("ConsistentRead", true);
            if (startKey != null) body.add("ExclusiveStartKey", startKey);
            WireResponse response = wire.post("Scan").body(body.build().toString()).send();
            if (response.status() != 200) throw new AssertionError("Snapshot scan failed: " + response);
            JsonObject page = response.json();
            page.getJsonArray("Items").forEach(item -> items.add(item.asJsonObject()));
            startKey = page.get("LastEvaluatedKey");
        } while (startKey != null && !startKey.asJsonObject().isEmpty());
        return items;
    }

    private record Request(String kind, String operation, JsonObject body) {
    }
}
