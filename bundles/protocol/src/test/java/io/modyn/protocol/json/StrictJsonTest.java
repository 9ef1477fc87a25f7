package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.CODEC;
import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.assertValidation;
import static io.modyn.protocol.json.CodecFixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What the JSON layer refuses besides members of the wrong type: malformed UTF-8, unpaired
 * surrogates, numbers no Integer or Long can hold, and nesting beyond the parser's limit. Each is
 * DynamoDB's 400 {@code SerializationException} (without a message where DynamoDB sends none),
 * never an internal error.
 */
class StrictJsonTest {

    /** Malformed UTF-8: overlong forms, stray continuation bytes, truncated sequences, FE/FF, encoded surrogates, beyond U+10FFFF. */
    private static final String[] MALFORMED_UTF8 = {
        "ff", "fe", "80", "bf", "c0af", "c1bf", "e080af", "f08080af", "c3", "e282", "f09f98",
        "eda080", "edbfbf", "edb080", "f4908080", "f5808080", "f8888080af",
    };

    private static final String PUT = "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"%s\"}}}";

    @Test
    void malformedUtf8InAnAttributeValueIsASerializationException() {
        for (String hex : MALFORMED_UTF8) {
            assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a", hex, "b\"}}}"));
        }
    }

    @Test
    void malformedUtf8AnywhereInTheBodyIsASerializationException() {
        for (String hex : MALFORMED_UTF8) {
            // attribute name, member name, expression, table name, a skipped unknown member, white space
            assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t\",\"Item\":{\"", hex, "\":{\"S\":\"x\"}}}"));
            assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t\",\"", hex, "\":1}"));
            assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t\",\"ConditionExpression\":\"a = ", hex, "\"}"));
            assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t", hex, "\"}"));
            assertMalformed(QueryScanRequestReader::scan, body("{\"TableName\":\"t\",\"Unknown\":[{\"x\":\"", hex, "\"}]}"));
            assertMalformed(QueryScanRequestReader::scan, body("{\"TableName\":\"t\"}", hex, ""));
        }
    }

    @Test
    void distinctInvalidBytesNeverBecomeTheSameKey() {
        // Before: FF and FE both decoded to U+FFFD, so two items collided on one key.
        assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"", "ff", "\"}}}"));
        assertMalformed(ItemRequestReader::putItem, body("{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"", "fe", "\"}}}"));
    }

    @Test
    void wellFormedUtf8OfEveryLengthIsRead() {
        String text = "a\u00e9\u20ac\ud83d\ude00\uffff\u0000";
        PutItemRequest request = read(ItemRequestReader::putItem,
                String.format(PUT, "a\u00e9\u20ac\ud83d\ude00\uffff\\u0000"));
        assertEquals(AttributeValue.s(text), request.item().get("pk"));
        // the same characters escaped, surrogates in a pair
        request = read(ItemRequestReader::putItem, String.format(PUT, "a\\u00e9\\u20ac\\ud83d\\ude00\\uffff\\u0000"));
        assertEquals(AttributeValue.s(text), request.item().get("pk"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\ud800", "\\uD800x", "x\\udc00", "\\udfff", "\\ud800\\ud800", "\\udc00\\ud800", "\\ud83d\\u0041", "a\\ud83d"})
    void unpairedSurrogateEscapesAreASerializationException(String escaped) {
        assertMalformed(ItemRequestReader::putItem, utf8(String.format(PUT, escaped)));
        assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t\",\"Item\":{\"" + escaped + "\":{\"S\":\"x\"}}}"));
        assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t" + escaped + "\"}"));
        assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t\",\"" + escaped + "\":1}"));
        assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t\",\"ConditionExpression\":\"" + escaped + "\"}"));
        assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t\",\"ExpressionAttributeNames\":{\"#a\":\"" + escaped + "\"}}"));
        assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t\",\"Item\":{\"pk\":{\"SS\":[\"" + escaped + "\"]}}}"));
        assertMalformed(QueryScanRequestReader::scan, utf8("{\"TableName\":\"t\",\"Unknown\":{\"a\":[\"" + escaped + "\"]}}"));
        assertMalformed(QueryScanRequestReader::scan, utf8("{\"TableName\":\"t\",\"Unknown\":\"" + escaped + "\"}"));
    }

    @Test
    void aBodyTheCodecRefusesIsNotWellFormedEither() {
        assertFalse(CODEC.isWellFormed(body("{\"a\":\"", "ff", "\"}")));
        assertFalse(CODEC.isWellFormed(body("{\"a\":\"", "eda080", "\"}")));
        assertFalse(CODEC.isWellFormed(utf8("{\"a\":\"\\ud800\"}")));
        assertFalse(CODEC.isWellFormed(utf8("{\"\\udc00\":1}")));
        assertFalse(CODEC.isWellFormed(utf8("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")));
        assertTrue(CODEC.isWellFormed(utf8("{\"a\":\"\\ud83d\\ude00\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {JsonCodec.MAX_JSON_DEPTH, 5_000, 200_000})
    void nestingBeyondTheLimitIsASerializationExceptionWherever(int depth) {
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        for (String deep : new String[] {arrays, objects}) {
            assertMalformed(QueryScanRequestReader::scan, utf8("{\"TableName\":\"t\",\"Unknown\":" + deep + "}"));
            assertMalformed(ItemRequestReader::putItem, utf8("{\"TableName\":\"t\",\"Item\":{\"a\":{\"S\":\"x\",\"Unknown\":" + deep + "}}}"));
            assertMalformed(QueryScanRequestReader::scan, utf8("{\"TableName\":\"t\",\"ExclusiveStartKey\":{\"a\":{\"Unknown\":" + deep + "}}}"));
        }
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        // the request object is level 1, the unknown member's value level 2
        int inner = JsonCodec.MAX_JSON_DEPTH - 1;
        ScanRequest request = read(QueryScanRequestReader::scan,
                "{\"TableName\":\"t\",\"Unknown\":" + "[".repeat(inner) + "]".repeat(inner) + "}");
        assertEquals("t", request.tableName());
    }

    @Test
    void attributeValuesNestedPastDynamoDbsLimitAreAValidationExceptionAtAnyDepth() {
        String nesting = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";
        for (int depth : new int[] {33, 100, 2_000, 100_000}) {
            String deep = "{\"M\":{\"n\":".repeat(depth) + "{\"S\":\"x\"}" + "}}".repeat(depth);
            assertValidation(ItemRequestReader::putItem, "{\"TableName\":\"t\",\"Item\":{\"a\":" + deep + "}}", nesting);
            assertValidation(QueryScanRequestReader::scan, "{\"TableName\":\"t\",\"ExclusiveStartKey\":{\"a\":" + deep + "}}", nesting);
            String list = "{\"L\":[".repeat(depth) + "{\"S\":\"x\"}" + "]}".repeat(depth);
            assertValidation(ItemRequestReader::putItem, "{\"TableName\":\"t\",\"Item\":{\"a\":" + list + "}}", nesting);
        }
    }

    @ParameterizedTest(name = "Limit {0} -> {1}")
    @CsvSource({"1.5, 1", "1.9999, 1", "-1.5, -1", "0.5, 0", "1e2, 100", "1E+1, 10", "2147483647, 2147483647",
            "2147483647.99, 2147483647", "-2147483648, -2147483648", "-2147483648.5, -2147483648"})
    void integerMembersTruncateFractionsTowardZero(String json, int expected) {
        assertEquals(expected, read(QueryScanRequestReader::scan, "{\"Limit\":" + json + "}").limit());
        assertEquals(expected, read(QueryScanRequestReader::scan, "{\"Segment\":" + json + "}").segment());
        assertEquals(expected, read(QueryScanRequestReader::scan, "{\"TotalSegments\":" + json + "}").totalSegments());
    }

    @ParameterizedTest(name = "Limit {0}")
    @CsvSource({"2147483648, NUMBER_VALUE", "-2147483649, NUMBER_VALUE", "9223372036854775808, NUMBER_VALUE",
            "99999999999999999999999999999999999999, NUMBER_VALUE", "2147483648.0, DECIMAL_VALUE", "1e400, DECIMAL_VALUE",
            "-1e400, DECIMAL_VALUE", "1E10, DECIMAL_VALUE", "1e999999999, DECIMAL_VALUE"})
    void integerMembersRefuseNumbersBeyondTheIntRange(String json, String token) {
        for (String member : new String[] {"Limit", "Segment", "TotalSegments"}) {
            assertSerialization(QueryScanRequestReader::scan, "{\"" + member + "\":" + json + "}", token + " cannot be converted to Integer");
        }
    }

    @Test
    void longMembersRefuseNumbersBeyondTheLongRange() {
        assertEquals(Long.MAX_VALUE, read(TableRequestReader::createTable,
                "{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":9223372036854775807}}").provisionedThroughput().readCapacityUnits());
        assertSerialization(TableRequestReader::createTable, "{\"ProvisionedThroughput\":{\"ReadCapacityUnits\":9223372036854775808}}",
                "NUMBER_VALUE cannot be converted to Long");
        assertSerialization(TableRequestReader::createTable, "{\"ProvisionedThroughput\":{\"WriteCapacityUnits\":-1e400}}",
                "DECIMAL_VALUE cannot be converted to Long");
    }

    @Test
    void numbersTooLongOrWithAbsurdExponentsAreMalformed() {
        assertMalformed(QueryScanRequestReader::scan, utf8("{\"Limit\":1" + "0".repeat(5000) + "}"));
        assertMalformed(QueryScanRequestReader::scan, utf8("{\"Limit\":1e99999999999}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Limit":"5"}                                   | STRING_VALUE cannot be converted to Integer
            {"Limit":true}                                  | TRUE_VALUE cannot be converted to Integer
            {"Limit":[]}                                    | Unrecognized collection type class java.lang.Integer
            {"Limit":{}}                                    | Start of structure or map found where not expected
            {"Segment":"1"}                                 | STRING_VALUE cannot be converted to Integer
            {"TotalSegments":false}                         | FALSE_VALUE cannot be converted to Integer
            {"TableName":1.5}                               | DECIMAL_VALUE cannot be converted to String
            {"ConsistentRead":1}                            | NUMBER_VALUE cannot be converted to Boolean
            {"ConsistentRead":"maybe"}                      | Unexpected token received from parser
            {"ConsistentRead":[]}                           | Unrecognized collection type class java.lang.Boolean
            {"AttributesToGet":"a"}                         | Unexpected field type
            {"AttributesToGet":{}}                          | Start of structure or map found where not expected
            {"ExpressionAttributeNames":5}                  | Unexpected field type
            {"ExpressionAttributeNames":[]}                 | Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>
            {"ExclusiveStartKey":{"a":5}}                   | Unexpected value type in payload
            {"ExclusiveStartKey":{"a":{"BOOL":2}}}          | NUMBER_VALUE cannot be converted to Boolean
            {"ExclusiveStartKey":{"a":{"NULL":"maybe"}}}    | Unexpected token received from parser
            {"ExclusiveStartKey":{"a":{"B":true}}}          | only base-64-encoded strings are convertible to bytes
            {"ExclusiveStartKey":{"a":{"N":1}}}             | NUMBER_VALUE cannot be converted to String
            {"ExclusiveStartKey":{"a":{"SS":"x"}}}          | Unexpected field type
            {"ExclusiveStartKey":{"a":{"L":{}}}}            | Start of structure or map found where not expected
            {"ExclusiveStartKey":{"a":{"M":[]}}}            | Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>
            """)
    void everyMemberShapeRefusesTheWrongJsonType(String json, String message) {
        assertSerialization(QueryScanRequestReader::scan, json, message);
    }

    @Test
    void nullMustBeTrueWhereverItIsSpelled() {
        String message = "One or more parameter values were invalid: Null attribute value types must have the value of true";
        assertValidation(ItemRequestReader::putItem, String.format(PUT.replace("{\"S\":\"%s\"}", "%s"), "{\"NULL\":false}"), message);
        assertValidation(ItemRequestReader::putItem, String.format(PUT.replace("{\"S\":\"%s\"}", "%s"), "{\"NULL\":\"no\"}"), message);
    }

    private static void assertMalformed(Function<JsonInput, ?> reader, byte[] body) {
        DynamoException error = assertThrows(DynamoException.class, () -> reader.apply(CODEC.input(body)),
                () -> HexFormat.of().formatHex(body, 0, Math.min(body.length, 120)));
        assertEquals(ErrorType.SERIALIZATION, error.type());
        assertNull(error.getMessage());
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] body(String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }
}
