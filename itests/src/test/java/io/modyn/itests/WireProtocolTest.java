package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB JSON 1.0 wire protocol, checked with raw HTTP where the SDKs would never send such
 * requests: framework errors and their types, headers, compression both ways, CORS and health.
 */
@ExtendWith(SharedModynServer.class)
class WireProtocolTest {

    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    /** Enough items that the Scan answer is clearly "a larger response" (about 300 KB). */
    private static final int LARGE_ITEMS = 30;

    private static WireClient wire;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient dynamo, WireClient client) {
        wire = client;
        table = TestTables.createHashTable(dynamo, "wire", ScalarAttributeType.S);
        String payload = "compressible text ".repeat(550);
        for (int i = 0; i < LARGE_ITEMS; i++) {
            int id = i;
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("item-" + id), "payload", s(payload))));
        }
    }

    @Test
    void malformedJsonIsASerializationException() {
        WireResponse response = wire.post("ListTables").body("{not json").send();

        assertEquals(400, response.status());
        assertEquals(SERIALIZATION, response.errorType());
    }

    @Test
    void unknownOperationIsAnUnknownOperationException() {
        WireResponse response = wire.post("ListTable").body("{}").send();

        assertEquals(400, response.status());
        assertEquals("com.amazon.coral.service#UnknownOperationException", response.errorType());
    }

    @Test
    void unknownTargetPrefixIsAnUnknownOperationException() {
        WireResponse response = wire.request("POST").target("Whatever_20990101.ListTables").body("{}").send();

        assertEquals(400, response.status());
        assertEquals("com.amazon.coral.service#UnknownOperationException", response.errorType());
    }

    @Test
    void requestWithoutAuthorizationIsAMissingAuthenticationTokenException() {
        WireResponse response = wire.post("ListTables").body("{}").unsigned().send();

        assertEquals(400, response.status());
        assertEquals("com.amazon.coral.service#MissingAuthenticationTokenException", response.errorType());
        assertEquals("Request is missing Authentication Token", response.errorMessage());
    }

    @Test
    void invalidBase64IsASerializationException() {
        WireResponse response = putItem("{\"pk\":{\"S\":\"k\"},\"b\":{\"B\":\"23456\"}}");

        assertEquals(400, response.status());
        assertEquals(SERIALIZATION, response.errorType());
    }

    @Test
    void malformedNumberIsAValidationException() {
        WireResponse response = putItem("{\"pk\":{\"S\":\"k\"},\"n\":{\"N\":\"12abc\"}}");

        assertEquals(400, response.status());
        assertEquals(VALIDATION, response.errorType());
        assertEquals("The parameter cannot be converted to a numeric value: 12abc", response.errorMessage());
    }

    @Test
    void attributeValueWithoutATypeIsAValidationException() {
        WireResponse response = putItem("{\"pk\":{\"S\":\"k\"},\"a\":{}}");

        assertEquals(400, response.status());
        assertEquals(VALIDATION, response.errorType());
        assertEquals("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                response.errorMessage());
    }

    @Test
    void attributeValueWithTwoTypesIsAValidationException() {
        WireResponse response = putItem("{\"pk\":{\"S\":\"k\"},\"a\":{\"S\":\"x\",\"N\":\"1\"}}");

        assertEquals(400, response.status());
        assertEquals(VALIDATION, response.errorType());
        assertEquals("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
                + "supported datatypes", response.errorMessage());
    }

    /** Members of the wrong JSON type are a client's fault: 400 SerializationException, never a 500. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"TableName\":true}",
            "{\"TableName\":12}",
            "{\"TableName\":[]}",
            "{\"TableName\":{}}",
            "{\"TableName\":\"t\",\"Item\":[]}",
            "{\"TableName\":\"t\",\"Item\":\"text\"}",
            "{\"TableName\":\"t\",\"Item\":{\"pk\":\"not a structure\"}}",
            "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":12}}}",
            "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"BOOL\":\"dog\"}}}",
            "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"SS\":\"a\"}}}",
            "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"L\":{}}}}",
            "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"M\":[]}}}",
    })
    void memberOfTheWrongJsonTypeIsASerializationException(String body) {
        WireResponse response = wire.post("PutItem").body(body).send();

        assertEquals(400, response.status(), response::toString);
        assertEquals(SERIALIZATION, response.errorType(), response::toString);
    }

    @ParameterizedTest(name = "body «{0}»")
    @ValueSource(strings = {"", "[]", "\"text\"", "null", "{\"TableName\":", "{}{}"})
    void bodyThatIsNoJsonObjectIsAClientError(String body) {
        WireResponse response = wire.post("DescribeTable").body(body).send();

        assertEquals(400, response.status(), response::toString);
        assertTrue(response.errorType().startsWith("com.amazon.coral."), response::toString);
    }

    @Test
    void responsesCarryRequestIdAndACrc32OfTheBody() {
        WireResponse response = wire.post("ListTables").body("{}").send();

        assertEquals(200, response.status());
        assertHeadersOfDynamoDb(response);
    }

    @Test
    void errorResponsesCarryRequestIdAndACrc32OfTheBodyToo() {
        WireResponse response = wire.post("DescribeTable").body("{\"TableName\":\"" + TestTables.uniqueName("missing") + "\"}").send();

        assertEquals(400, response.status());
        assertEquals("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", response.errorType());
        assertHeadersOfDynamoDb(response);
    }

    @Test
    void tagResourceAndUntagResourceAnswerAnEmptyBody() {
        String arn = wire.post("DescribeTable").body("{\"TableName\":\"" + table + "\"}").send()
                .json().getJsonObject("Table").getString("TableArn");

        WireResponse tag = wire.post("TagResource")
                .body("{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}").send();
        WireResponse untag = wire.post("UntagResource").body("{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"k\"]}").send();

        // DynamoDB's output for these has no members, and it sends no body at all, not {}.
        assertEquals(200, tag.status(), tag::toString);
        assertEquals(0, tag.body().length, tag::toString);
        assertEquals(200, untag.status(), untag::toString);
        assertEquals(0, untag.body().length, untag::toString);
    }

    @Test
    void largeResponseIsGzippedWhenTheClientAcceptsIt() {
        WireResponse response = wire.post("Scan").body("{\"TableName\":\"" + table + "\"}")
                .header("Accept-Encoding", "gzip")
                .send();

        assertEquals(200, response.status());
        assertTrue(response.isGzipped(), () -> "Content-Encoding: " + response.header("Content-Encoding"));
        assertEquals(LARGE_ITEMS, response.json().getInt("Count"));
        // DynamoDB's CRC32 covers the bytes as sent, here the compressed ones; the SDKs check it so.
        assertEquals(Long.toString(crc32(response.body())), response.header("x-amz-crc32").orElseThrow());
    }

    @Test
    void largeResponseIsNotCompressedForAClientThatDoesNotAskForIt() {
        WireResponse response = wire.post("Scan").body("{\"TableName\":\"" + table + "\"}").send();

        assertEquals(200, response.status());
        assertFalse(response.isGzipped());
        assertEquals(LARGE_ITEMS, response.json().getInt("Count"));
    }

    @Test
    void gzippedRequestBodyIsAccepted() {
        WireResponse response = wire.post("DescribeTable").body("{\"TableName\":\"" + table + "\"}").gzipBody().send();

        assertEquals(200, response.status(), response::toString);
        assertEquals(table, response.json().getJsonObject("Table").getString("TableName"));
    }

    @Test
    void deflatedRequestBodyIsAccepted() {
        WireResponse response = wire.post("DescribeTable").body("{\"TableName\":\"" + table + "\"}").deflateBody().send();

        assertEquals(200, response.status(), response::toString);
        assertEquals(table, response.json().getJsonObject("Table").getString("TableName"));
    }

    @Test
    void corsPreflightOfALoopbackPageNamesTheApisHeaders() {
        WireResponse response = wire.request("OPTIONS")
                .withoutHeader("Content-Type")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-amz-target, authorization, x-not-used")
                .unsigned()
                .send();

        assertAll(
                () -> assertEquals(200, response.status()),
                () -> assertEquals("http://localhost:3000", response.header("Access-Control-Allow-Origin").orElse(null)),
                () -> assertEquals("POST, GET", response.header("Access-Control-Allow-Methods").orElse(null)),
                () -> assertTrue(response.header("Access-Control-Allow-Headers").orElse("").contains("X-Amz-Target")),
                () -> assertFalse(response.header("Access-Control-Allow-Headers").orElse("").contains("x-not-used")),
                () -> assertEquals("7200", response.header("Access-Control-Max-Age").orElse(null)),
                () -> assertEquals(0, response.body().length));
    }

    @Test
    void requestsFromALoopbackPageAreAnsweredWithCorsHeaders() {
        WireResponse response = wire.post("ListTables").body("{}").header("Origin", "http://127.0.0.1:5173").send();

        assertEquals(200, response.status());
        assertEquals("http://127.0.0.1:5173", response.header("Access-Control-Allow-Origin").orElse(null));
        assertEquals("x-amzn-RequestId,x-amz-crc32", response.header("Access-Control-Expose-Headers").orElse(null));
    }

    @Test
    void healthCheckAnswersWithoutASignature() {
        WireResponse response = wire.request("GET").withoutHeader("Content-Type").unsigned().send();

        assertEquals(200, response.status());
        // DynamoDB answers "healthy: dynamodb.<region>.amazonaws.com".
        assertTrue(response.text().startsWith("healthy"), response::toString);
    }

    private static WireResponse putItem(String itemJson) {
        return wire.post("PutItem").body("{\"TableName\":\"" + table + "\",\"Item\":" + itemJson + "}").send();
    }

    private static void assertHeadersOfDynamoDb(WireResponse response) {
        assertAll(
                // DynamoDB's request ids are 52 characters of A-Z and 0-9.
                () -> assertTrue(response.header("x-amzn-RequestId").orElse("").matches("[0-9A-Z]{52}"),
                        () -> "x-amzn-RequestId " + response.header("x-amzn-RequestId")),
                () -> assertEquals(Long.toString(crc32(response.body())), response.header("x-amz-crc32").orElse(null)),
                () -> assertEquals("application/x-amz-json-1.0", response.header("Content-Type").orElse(null)),
                // DynamoDB names no product in its Server header.
                () -> assertEquals("Server", response.header("Server").orElse(null)));
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
