package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Request bodies no SDK would send, as raw bytes over HTTP: malformed UTF-8, unpaired surrogates,
 * members of the wrong JSON type, numbers no Integer can hold, JSON nested a thousand levels deep.
 * Each is a 400 with DynamoDB's error type and message, never a 500, and stores nothing: the table's
 * content is compared with what the valid requests put, item by item.
 */
@ExtendWith(SharedModynServer.class)
class MalformedRequestTest {

    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

    private static WireClient wire;
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient client, WireClient wireClient) {
        dynamo = client;
        wire = wireClient;
        table = TestTables.createHashTable(dynamo, "malformed", ScalarAttributeType.S);
        // The keys a lenient decoder would have turned malformed input into: U+FFFD and "?".
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("\ufffd"), "v", s("original"))));
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("?"), "v", s("original"))));
    }

    @Test
    void keysOfInvalidBytesAreRefusedAndOverwriteNothing() {
        assertMalformed(putItem("pk", "ff", "from ff"));
        assertMalformed(putItem("pk", "fe", "from fe"));
        assertMalformed(send("PutItem", utf8("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"\\ud800\"},\"v\":{\"S\":\"from d800\"}}}")));

        assertEquals(Map.of("\ufffd", "original", "?", "original"), storedValues());
    }

    @ParameterizedTest(name = "bytes {0}")
    @ValueSource(strings = {"ff", "fe", "80", "c0af", "e080af", "f08080af", "c3", "e282", "eda080", "edbfbf", "f4908080"})
    void malformedUtf8AnywhereIsASerializationExceptionAndStoresNothing(String hex) {
        String put = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k-" + hex + "\"}";
        assertMalformed(send("PutItem", bytes(put + ",\"v\":{\"S\":\"", hex, "\"}}}")));
        assertMalformed(send("PutItem", bytes(put + ",\"", hex, "\":{\"S\":\"x\"}}}")));
        assertMalformed(send("PutItem", bytes(put + "},\"ConditionExpression\":\"attribute_not_exists(", hex, ")\"}")));
        assertMalformed(send("PutItem", bytes(put + "},\"", hex, "\":1}")));
        assertMalformed(send("Scan", bytes("{\"TableName\":\"" + table + "\",\"FilterExpression\":\"v = :", hex, "\"}")));

        assertEquals(Map.of("\ufffd", "original", "?", "original"), storedValues());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\ud800", "\\udc00", "\\ud800x", "\\udc00\\ud800", "\\ud83d\\u0041"})
    void unpairedSurrogateEscapesAreASerializationExceptionAndStoreNothing(String escaped) {
        String put = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"s\"}";
        assertMalformed(send("PutItem", utf8(put + ",\"" + escaped + "\":{\"S\":\"x\"}}}")));
        assertMalformed(send("PutItem", utf8(put + ",\"v\":{\"SS\":[\"" + escaped + "\"]}}}")));
        assertMalformed(send("PutItem", utf8(put + "},\"ConditionExpression\":\"#n <> :v\",\"ExpressionAttributeNames\":{\"#n\":\""
                + escaped + "\"},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"x\"}}}")));

        assertEquals(Map.of("\ufffd", "original", "?", "original"), storedValues());
    }

    @Test
    void pairedSurrogatesAreStoredAsTheCharacterTheyEncode() {
        WireResponse response = send("PutItem", utf8("{\"TableName\":\"" + table
                + "\",\"Item\":{\"pk\":{\"S\":\"emoji\"},\"v\":{\"S\":\"\\ud83d\\ude00 \u00e9\"}}}"));
        try {
            assertEquals(200, response.status(), response::toString);
            assertEquals(s("\ud83d\ude00 \u00e9"), dynamo.getItem(get -> get.tableName(table)
                    .key(Map.of("pk", s("emoji"))).consistentRead(true)).item().get("v"));
        } finally {
            dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s("emoji"))));
        }
    }

    @Test
    void jsonNestedAThousandLevelsIsASerializationExceptionWherever() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertMalformed(send("Scan", utf8("{\"TableName\":\"" + table + "\",\"Unknown\":" + deep + "}")));
        assertMalformed(send("PutItem", utf8("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"deep\"},"
                + "\"v\":{\"S\":\"x\",\"Unknown\":" + deep + "}}}")));
        assertMalformed(send("Scan", utf8("{\"TableName\":\"" + table + "\",\"ExclusiveStartKey\":{\"pk\":{\"Unknown\":" + deep + "}}}")));
        // malformed JSON comes before an unknown operation, as in DynamoDB
        assertMalformed(send("NoSuchOperation", utf8("{\"Unknown\":" + deep + "}")));
        assertMalformed(send("NoSuchOperation", bytes("{\"a\":\"", "ff", "\"}")));

        assertEquals(Map.of("\ufffd", "original", "?", "original"), storedValues());
    }

    @Test
    void attributeValuesNestedAThousandLevelsAreDynamoDbsNestingError() {
        String deep = "{\"M\":{\"n\":".repeat(1000) + "{\"S\":\"x\"}" + "}}".repeat(1000);
        String nesting = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

        WireResponse put = send("PutItem", utf8("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"deep\"},\"v\":" + deep + "}}"));
        WireResponse scan = send("Scan", utf8("{\"TableName\":\"" + table + "\",\"ExclusiveStartKey\":{\"pk\":" + deep + "}}"));

        assertError(put, VALIDATION, nesting);
        assertError(scan, VALIDATION, nesting);
        assertEquals(Map.of("\ufffd", "original", "?", "original"), storedValues());
    }

    @ParameterizedTest(name = "Limit {0}")
    @CsvSource(delimiter = '|', textBlock = """
            1e400               | com.amazon.coral.service#SerializationException | DECIMAL_VALUE cannot be converted to Integer
            9223372036854775808 | com.amazon.coral.service#SerializationException | NUMBER_VALUE cannot be converted to Integer
            2147483648          | com.amazon.coral.service#SerializationException | NUMBER_VALUE cannot be converted to Integer
            "5"                 | com.amazon.coral.service#SerializationException | STRING_VALUE cannot be converted to Integer
            true                | com.amazon.coral.service#SerializationException | TRUE_VALUE cannot be converted to Integer
            0                   | com.amazon.coral.validate#ValidationException   | 1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1
            -1                  | com.amazon.coral.validate#ValidationException   | 1 validation error detected: Value '-1' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1
            0.5                 | com.amazon.coral.validate#ValidationException   | 1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1
            """)
    void limitThatIsNoPositiveIntIsRefused(String limit, String type, String message) {
        assertError(send("Scan", utf8("{\"TableName\":\"" + table + "\",\"Limit\":" + limit + "}")), type, message);
    }

    @Test
    void fractionalLimitIsTruncatedAsDynamoDbDoes() {
        WireResponse response = send("Scan", utf8("{\"TableName\":\"" + table + "\",\"Limit\":1.5}"));

        assertEquals(200, response.status(), response::toString);
        assertEquals(1, response.json().getInt("Count"));
    }

    @Test
    void segmentsGivenAsStringsAreASerializationException() {
        assertError(send("Scan", utf8("{\"TableName\":\"" + table + "\",\"Segment\":\"0\",\"TotalSegments\":2}")),
                SERIALIZATION, "STRING_VALUE cannot be converted to Integer");
        assertError(send("Scan", utf8("{\"TableName\":\"" + table + "\",\"Segment\":0,\"TotalSegments\":\"2\"}")),
                SERIALIZATION, "STRING_VALUE cannot be converted to Integer");
        assertError(send("Scan", utf8("{\"TableName\":\"" + table + "\",\"Segment\":0,\"TotalSegments\":1e10}")),
                SERIALIZATION, "DECIMAL_VALUE cannot be converted to Integer");
    }

    @Test
    void attributeValueTypesRefuseWhatDynamoDbRefuses() {
        String put = "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"types\"},\"v\":";
        assertError(send("PutItem", utf8(put + "{\"NULL\":false}}}")), VALIDATION,
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
        assertError(send("PutItem", utf8(put + "{\"BOOL\":\"dog\"}}}")), SERIALIZATION, "Unexpected token received from parser");
        assertError(send("PutItem", utf8(put + "{\"BOOL\":1}}}")), SERIALIZATION, "NUMBER_VALUE cannot be converted to Boolean");
        assertError(send("PutItem", utf8(put + "{\"NULL\":[]}}}")), SERIALIZATION, "Unrecognized collection type class java.lang.Boolean");
        assertError(send("PutItem", utf8(put + "{\"S\":1.5}}}")), SERIALIZATION, "DECIMAL_VALUE cannot be converted to String");
        assertError(send("PutItem", utf8(put + "{\"N\":5}}}")), SERIALIZATION, "NUMBER_VALUE cannot be converted to String");
        assertError(send("PutItem", utf8(put + "{\"B\":true}}}")), SERIALIZATION, "only base-64-encoded strings are convertible to bytes");

        assertEquals(Map.of("\ufffd", "original", "?", "original"), storedValues());
    }

    @Test
    void booleanWordsAreBooleansAsInDynamoDb() {
        WireResponse response = send("PutItem", utf8("{\"TableName\":\"" + table
                + "\",\"Item\":{\"pk\":{\"S\":\"words\"},\"t\":{\"BOOL\":\"true\"},\"f\":{\"BOOL\":\"No\"}}}"));
        try {
            assertEquals(200, response.status(), response::toString);
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                    .key(Map.of("pk", s("words"))).consistentRead(true)).item();
            assertEquals(bool(true), item.get("t"));
            assertEquals(bool(false), item.get("f"));
        } finally {
            dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s("words"))));
        }
    }

    /** The value of attribute v by key, for every item in the table. */
    private static Map<String, String> storedValues() {
        Map<String, String> values = new TreeMap<>();
        dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items()
                .forEach(item -> values.put(item.get("pk").s(), item.get("v").s()));
        return values;
    }

    private static WireResponse putItem(String keyAttribute, String keyHex, String value) {
        return send("PutItem", bytes("{\"TableName\":\"" + table + "\",\"Item\":{\"" + keyAttribute + "\":{\"S\":\"",
                keyHex, "\"},\"v\":{\"S\":\"" + value + "\"}}}"));
    }

    private static WireResponse send(String operation, byte[] body) {
        return wire.post(operation).body(body).send();
    }

    /** DynamoDB's answer to a body it cannot read: a SerializationException without a message. */
    private static void assertMalformed(WireResponse response) {
        assertError(response, SERIALIZATION, null);
    }

    private static void assertError(WireResponse response, String type, String message) {
        assertEquals(400, response.status(), response::toString);
        assertEquals(type, response.errorType(), response::toString);
        if (message == null) {
            assertNull(response.errorMessage(), response::toString);
        } else {
            // The service framework's reader spells it Message; DynamoDB's own checks, message.
            String member = SERIALIZATION.equals(type) ? "Message" : "message";
            assertEquals(message, response.json().getString(member, null), response::toString);
        }
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }
}
