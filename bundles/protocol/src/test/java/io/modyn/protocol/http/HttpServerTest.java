package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.Principal;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.streams.DynamoDbStreamsService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server as a client sees it, over real HTTP on a loopback port, with the engine faked. */
class HttpServerTest {

    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    private static final AtomicReference<DynamoDbService> SERVICE = new AtomicReference<>();
    private static final AtomicReference<DynamoDbStreamsService> STREAMS = new AtomicReference<>();
    private static final AtomicReference<Principal> PRINCIPAL = new AtomicReference<>();
    private static HttpServer server;
    private static HttpClient client;
    private static URI endpoint;

    private FakeDynamoDbService engine;

    @BeforeAll
    static void startServer() {
        RequestLimits limits = new RequestLimits(MAX_REQUEST_BYTES, 64, 16 * MAX_REQUEST_BYTES, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, false, limits,
                BrowserAccess.parse("https://app.example", "")),
                SERVICE::get, STREAMS::get, () -> PRINCIPAL.get() == null ? null : request -> PRINCIPAL.get());
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void bindEngine() {
        engine = new FakeDynamoDbService();
        SERVICE.set(engine);
        STREAMS.set(new FakeDynamoDbStreamsService());
        PRINCIPAL.set(null);
    }

    @Test
    void anItemPutCanBeReadBack() throws Exception {
        HttpResponse<byte[]> put = call("PutItem", "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"1\"},\"n\":{\"N\":\"2.50\"}}}");
        HttpResponse<byte[]> get = call("GetItem", "{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"1\"}}}");

        assertEquals(200, put.statusCode());
        assertEquals("{}", text(put));
        assertEquals(200, get.statusCode());
        assertEquals("{\"Item\":{\"id\":{\"S\":\"1\"},\"n\":{\"N\":\"2.5\"}}}", text(get));
        assertEquals("application/x-amz-json-1.0", get.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void batchesAndUpdatesReachTheEngine() throws Exception {
        HttpResponse<byte[]> write = call("BatchWriteItem", """
                {"RequestItems":{"items":[{"PutRequest":{"Item":{"id":{"S":"1"}}}},{"PutRequest":{"Item":{"id":{"S":"2"}}}}]}}
                """);
        HttpResponse<byte[]> update = call("UpdateItem", """
                {"TableName":"items","Key":{"id":{"S":"2"}},"AttributeUpdates":{"a":{"Value":{"BOOL":true},"Action":"PUT"}}}
                """);
        HttpResponse<byte[]> read = call("BatchGetItem", """
                {"RequestItems":{"items":{"Keys":[{"id":{"S":"2"}},{"id":{"S":"1"}},{"id":{"S":"3"}}]}}}
                """);

        assertEquals("{\"UnprocessedItems\":{}}", text(write));
        assertEquals("{\"Attributes\":{\"id\":{\"S\":\"2\"},\"a\":{\"BOOL\":true}}}", text(update));
        assertEquals("{\"Responses\":{\"items\":[{\"id\":{\"S\":\"2\"},\"a\":{\"BOOL\":true}},{\"id\":{\"S\":\"1\"}}]},"
                + "\"UnprocessedKeys\":{}}", text(read));
    }

    @Test
    void aFailedConditionReturnsTheItemInTheErrorBody() throws Exception {
        engine.failure = new DynamoException(ErrorType.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                Map.of("id", AttributeValue.s("1")), null);
        HttpResponse<byte[]> response = call("UpdateItem", "{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"1\"}}}");
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                + "\"message\":\"The conditional request failed\",\"Item\":{\"id\":{\"S\":\"1\"}}}", text(response));
    }

    @Test
    void everyResponseCarriesARequestIdAndTheChecksumOfItsBody() throws Exception {
        for (HttpResponse<byte[]> response : new HttpResponse[] {
                call("ListTables", "{}"), call("Nope", "{}"), get("GET"), send(request("PUT", BodyPublishers.noBody()))}) {
            assertTrue(response.headers().firstValue("x-amzn-RequestId").orElseThrow().matches("[0-9A-Z]{52}"));
            assertEquals(crc32(response.body()), Long.parseLong(response.headers().firstValue("x-amz-crc32").orElseThrow()));
        }
    }

    @Test
    void theOperationSeesTheRequestIdAndPrincipal() throws Exception {
        Principal alice = new Principal("123456789012", "arn:aws:iam::123456789012:user/alice", "AKIDEXAMPLE", "AIDAALICE000000000000");
        PRINCIPAL.set(alice);

        HttpResponse<byte[]> response = call("ListTables", "{}");

        assertEquals(1, engine.contexts.size());
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), engine.contexts.get(0).requestId());
        assertEquals(alice, engine.contexts.get(0).principal());
    }

    @Test
    void unknownTargetsAreUnknownOperations() throws Exception {
        for (String target : new String[] {"DynamoDB_20120810.ListTable", "DynamoDB_20120810.GetRecords",
                "DynamoDBStreams_20120810.PutItem", "Other_20120810.ListTables"}) {
            HttpResponse<byte[]> response = send(request("POST", "{}").header("X-Amz-Target", target));
            assertEquals(400, response.statusCode(), target);
            assertEquals("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}", text(response), target);
        }
    }

    @Test
    void transactionsReachTheEngine() throws Exception {
        HttpResponse<byte[]> write = call("TransactWriteItems", """
                {"TransactItems":[{"Put":{"TableName":"items","Item":{"id":{"S":"1"},"v":{"N":"7"}}}}]}
                """);
        HttpResponse<byte[]> read = call("TransactGetItems", """
                {"TransactItems":[{"Get":{"TableName":"items","Key":{"id":{"S":"2"}}}},{"Get":{"TableName":"items","Key":{"id":{"S":"1"}}}}]}
                """);

        assertEquals("{}", text(write));
        assertEquals("{\"Responses\":[{},{\"Item\":{\"id\":{\"S\":\"1\"},\"v\":{\"N\":\"7\"}}}]}", text(read));
    }

    @Test
    void tagOperationsWithoutAResultAnswerAnEmptyBodyAsDynamoDbDoes() throws Exception {
        HttpResponse<byte[]> tag = call("TagResource", "{\"ResourceArn\":\"arn\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        HttpResponse<byte[]> list = call("ListTagsOfResource", "{\"ResourceArn\":\"arn\"}");
        HttpResponse<byte[]> untag = call("UntagResource", "{\"ResourceArn\":\"arn\",\"TagKeys\":[\"k\"]}");

        assertEquals(200, tag.statusCode());
        assertEquals("", text(tag));
        assertEquals("0", tag.headers().firstValue("x-amz-crc32").orElse(null));
        assertEquals("{\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}", text(list));
        assertEquals("", text(untag));
        assertTrue(engine.tags.isEmpty());
    }

    @Test
    void operationsWithoutParametersStillNeedAJsonObject() throws Exception {
        assertEquals("{\"AccountMaxReadCapacityUnits\":80000,\"AccountMaxWriteCapacityUnits\":80000,"
                + "\"TableMaxReadCapacityUnits\":40000,\"TableMaxWriteCapacityUnits\":40000}", text(call("DescribeLimits", "{}")));
        assertEquals("{\"Endpoints\":[{\"Address\":\"dynamodb.eu-west-1.amazonaws.com\",\"CachePeriodInMinutes\":1440}]}",
                text(call("DescribeEndpoints", "{\"Ignored\":[1]}")));
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\"}", text(call("DescribeEndpoints", "[]")));
    }

    @Test
    void streamsTargetsReachTheStreamsService() throws Exception {
        HttpResponse<byte[]> streams = callStreams("ListStreams", "{\"TableName\":\"items\"}");
        HttpResponse<byte[]> records = callStreams("GetRecords", "{\"ShardIterator\":\"it-0\"}");
        HttpResponse<byte[]> expired = callStreams("GetRecords", "{\"ShardIterator\":\"old\"}");

        assertEquals("{\"Streams\":[{\"StreamArn\":\"" + FakeDynamoDbStreamsService.STREAM_ARN
                + "\",\"TableName\":\"items\",\"StreamLabel\":\"2024-01-01T00:00:00.000\"}]}", text(streams));
        assertEquals("{\"Records\":[{\"eventID\":\"e1\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"eu-west-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1704067200,"
                + "\"Keys\":{\"id\":{\"S\":\"1\"}},\"SequenceNumber\":\"100\",\"SizeBytes\":12,\"StreamViewType\":\"KEYS_ONLY\"}}],"
                + "\"NextShardIterator\":\"it-1\"}", text(records));
        assertEquals("application/x-amz-json-1.0", records.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(400, expired.statusCode());
        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\",\"message\":\"Iterator expired\"}",
                text(expired));
    }

    @Test
    void withoutAStreamsServiceOnlyStreamsRequestsAreToldToRetry() throws Exception {
        STREAMS.set(null);
        HttpResponse<byte[]> streams = callStreams("ListStreams", "{}");
        assertEquals(503, streams.statusCode());
        assertTrue(text(streams).startsWith("{\"__type\":\"com.amazon.coral.availability#ServiceUnavailableException\""),
                text(streams));
        assertEquals(200, call("ListTables", "{}").statusCode());
    }

    @Test
    void aMalformedStreamsRequestIsRefusedEvenWithoutTheService() throws Exception {
        STREAMS.set(null);
        HttpResponse<byte[]> response = callStreams("GetRecords", "{\"Limit\":\"ten\"}");
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\","
                + "\"Message\":\"STRING_VALUE cannot be converted to Integer\"}", text(response));
    }

    @Test
    void malformedJsonIsReportedBeforeAnUnknownTargetOrMissingSignature() throws Exception {
        HttpRequest.Builder noTarget = request("POST", "{not json");
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\"}", text(send(noTarget)));
        HttpRequest.Builder unsigned = request("POST", "{not json").header("X-Amz-Target", "DynamoDB_20120810.ListTables");
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\"}", text(send(unsigned)));
    }

    @Test
    void anUnsignedRequestIsMissingItsToken() throws Exception {
        HttpResponse<byte[]> response = send(request("POST", "{}").header("X-Amz-Target", "DynamoDB_20120810.ListTables"));
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
                + "\"message\":\"Request is missing Authentication Token\"}", text(response));
    }

    @Test
    void anEmptyBodyIsASerializationError() throws Exception {
        HttpResponse<byte[]> response = call("ListTables", "");
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\"}", text(response));
    }

    @Test
    void wronglyTypedMembersAreSerializationErrors() throws Exception {
        HttpResponse<byte[]> response = call("DescribeTable", "{\"TableName\":5}");
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazon.coral.service#SerializationException\","
                + "\"Message\":\"NUMBER_VALUE cannot be converted to String\"}", text(response));
    }

    @Test
    void engineErrorsAreSentInDynamoDbsEnvelope() throws Exception {
        HttpResponse<byte[]> response = call("DescribeTable", "{\"TableName\":\"missing\"}");
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}", text(response));
    }

    @Test
    void ourOwnFaultsAre500sWithoutDetails() throws Exception {
        engine.failure = new IllegalStateException("secret internal detail");
        HttpResponse<byte[]> response = call("ListTables", "{}");
        assertEquals(500, response.statusCode());
        assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                + "\"message\":\"Internal server error\"}", text(response));
    }

    @Test
    void withoutAnEngineRequestsAreToldToRetry() throws Exception {
        SERVICE.set(null);
        HttpResponse<byte[]> response = call("ListTables", "{}");
        assertEquals(503, response.statusCode());
        assertTrue(text(response).startsWith("{\"__type\":\"com.amazon.coral.availability#ServiceUnavailableException\""),
                text(response));
    }

    @Test
    void plainJsonContentTypeIsAcceptedAndEchoed() throws Exception {
        HttpResponse<byte[]> response = send(signed("ListTables", BodyPublishers.ofString("{}"))
                .setHeader("Content-Type", "application/json; charset=utf-8"));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void otherContentTypesAreNotApiCalls() throws Exception {
        HttpResponse<byte[]> response = send(signed("ListTables", BodyPublishers.ofString("{}"))
                .setHeader("Content-Type", "application/x-amz-json-1.1"));
        assertEquals(404, response.statusCode());
        assertEquals("<UnknownOperationException/>\n", text(response));
    }

    @Test
    void aClientThatExpectsContinueIsLetIn() throws Exception {
        HttpResponse<byte[]> response = send(signed("ListTables", BodyPublishers.ofString("{}"))
                .expectContinue(true).timeout(java.time.Duration.ofSeconds(20)));
        assertEquals(200, response.statusCode());
    }

    @Test
    void compressedRequestBodiesAreAccepted() throws Exception {
        String put = "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"z\"}}}";
        assertEquals(200, send(signed("PutItem", BodyPublishers.ofByteArray(gzip(put))).header("Content-Encoding", "gzip")).statusCode());
        assertEquals(200, send(signed("PutItem", BodyPublishers.ofByteArray(deflate(put))).header("Content-Encoding", "deflate")).statusCode());
        assertEquals(Map.of("id", AttributeValue.s("z")), engine.items.get(AttributeValue.s("z")));
    }

    @Test
    void largeResponsesAreGzippedAndTheChecksumCoversTheCompressedBytes() throws Exception {
        String big = "x".repeat(5000);
        call("PutItem", "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"big\"},\"v\":{\"S\":\"" + big + "\"}}}");

        HttpResponse<byte[]> response = send(signed("GetItem",
                BodyPublishers.ofString("{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"big\"}}}"))
                .header("Accept-Encoding", "gzip"));

        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals(crc32(response.body()), Long.parseLong(response.headers().firstValue("x-amz-crc32").orElseThrow()));
        assertTrue(new String(gunzip(response.body()), StandardCharsets.UTF_8).contains(big));
    }

    @Test
    void smallResponsesAndClientsWithoutGzipGetPlainBodies() throws Exception {
        HttpResponse<byte[]> small = send(signed("ListTables", BodyPublishers.ofString("{}")).header("Accept-Encoding", "gzip"));
        assertFalse(small.headers().firstValue("Content-Encoding").isPresent());

        call("PutItem", "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"big\"},\"v\":{\"S\":\"" + "y".repeat(5000) + "\"}}}");
        HttpResponse<byte[]> refused = send(signed("GetItem",
                BodyPublishers.ofString("{\"TableName\":\"items\",\"Key\":{\"id\":{\"S\":\"big\"}}}"))
                .header("Accept-Encoding", "gzip;q=0, identity"));
        assertFalse(refused.headers().firstValue("Content-Encoding").isPresent());
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() throws Exception {
        byte[] tooLarge = new byte[(int) MAX_REQUEST_BYTES + 1];
        HttpResponse<byte[]> declared = send(signed("PutItem", BodyPublishers.ofByteArray(tooLarge)));
        assertEquals(413, declared.statusCode());
        assertEquals("{\"__type\":\"com.amazon.coral.service#RequestEntityTooLarge\"}", text(declared));

        HttpResponse<byte[]> chunked = send(signed("PutItem",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))));
        assertEquals(413, chunked.statusCode());
    }

    @Test
    void aClientStillSendingABodyDeclaredTooLargeReadsTheRefusal() throws Exception {
        // Over DynamoDB's 16 MB: the client is still sending when the server answers, and must get
        // the answer, not a connection reset. Such a body is drained after the answer.
        RequestLimits limits = new RequestLimits(RequestLimits.DYNAMODB_MAX_REQUEST_BYTES, 4, 4 * RequestLimits.DYNAMODB_MAX_REQUEST_BYTES,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        HttpServer dynamoSized = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, false, limits,
                BrowserAccess.LOOPBACK_ONLY), SERVICE::get, STREAMS::get, () -> null);
        dynamoSized.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + dynamoSized.address().getPort() + "/");
            byte[] tooLarge = new byte[17 << 20];
            for (int attempt = 0; attempt < 5; attempt++) {
                HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                        .header("X-Amz-Date", "20240101T000000Z").header("Authorization", AUTHORIZATION)
                        .POST(BodyPublishers.ofByteArray(tooLarge)).build(), BodyHandlers.ofByteArray());
                assertEquals(413, refused.statusCode());
                assertEquals("{\"__type\":\"com.amazon.coral.service#RequestEntityTooLarge\"}", text(refused));
            }
        } finally {
            dynamoSized.stop();
        }
    }

    @Test
    void aCompressedBodyMayNotExpandBeyondTheLimit() throws Exception {
        byte[] bomb = gzip("{\"TableName\":\"" + "a".repeat((int) MAX_REQUEST_BYTES) + "\"}");
        HttpResponse<byte[]> response = send(signed("PutItem", BodyPublishers.ofByteArray(bomb)).header("Content-Encoding", "gzip"));
        assertEquals(413, response.statusCode());
    }

    @Test
    void corsPreflightsOfAllowedOriginsNameOnlyTheApisHeaders() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(endpoint)
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-amz-target, x-evil"));

        assertEquals(200, response.statusCode());
        assertEquals("http://localhost:3000", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("POST, GET", response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        String allowed = response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow();
        assertTrue(allowed.contains("X-Amz-Target") && allowed.contains("Authorization"), allowed);
        assertFalse(allowed.toLowerCase().contains("x-evil"), allowed);
        assertEquals("7200", response.headers().firstValue("Access-Control-Max-Age").orElseThrow());
        assertEquals(0, response.body().length);
    }

    @Test
    void crossOriginResponsesAllowTheOriginAndExposeTheSdkHeaders() throws Exception {
        HttpResponse<byte[]> response = send(signed("ListTables", BodyPublishers.ofString("{}")).header("Origin", "https://app.example"));
        assertEquals(200, response.statusCode());
        assertEquals("https://app.example", response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("Origin", response.headers().firstValue("Vary").orElseThrow());
        assertEquals("x-amzn-RequestId,x-amz-crc32", response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());

        assertFalse(call("ListTables", "{}").headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void requestsFromPagesOfOtherOriginsAreRefusedUnreadAndUnrun() throws Exception {
        String put = "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"csrf\"}}}";
        for (String origin : new String[] {"http://evil.example", "null", "https://app.example.evil.com", "http://localhost.evil.com"}) {
            HttpResponse<byte[]> response = send(signed("PutItem", BodyPublishers.ofString(put)).header("Origin", origin));
            assertEquals(400, response.statusCode(), origin);
            assertTrue(text(response).startsWith("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\""), text(response));
            assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent(), origin);
        }
        HttpResponse<byte[]> preflight = send(HttpRequest.newBuilder(endpoint).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST"));
        assertEquals(400, preflight.statusCode());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals(null, engine.items.get(AttributeValue.s("csrf")));
    }

    @Test
    void optionsWithoutOriginAndOtherMethodsAreNotFound() throws Exception {
        for (String method : new String[] {"OPTIONS", "PUT", "DELETE"}) {
            HttpResponse<byte[]> response = send(request(method, BodyPublishers.noBody()));
            assertEquals(404, response.statusCode(), method);
            assertEquals("<UnknownOperationException/>\n", text(response), method);
        }
    }

    @Test
    void getAnswersTheHealthLineWithoutSignature() throws Exception {
        HttpResponse<byte[]> response = get("GET");
        assertEquals(200, response.statusCode());
        assertEquals("healthy: dynamodb.eu-west-1.amazonaws.com ", text(response));

        HttpResponse<byte[]> head = get("HEAD");
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void healthSaysUnavailableWhileTheEngineCannotServe() throws Exception {
        engine.ready = false;
        assertEquals(503, get("GET").statusCode());
        SERVICE.set(null);
        assertEquals(503, get("GET").statusCode());
    }

    @Test
    void orchestratorsGetLivenessAndReadinessWithEachCheck() throws Exception {
        HttpResponse<byte[]> live = send(HttpRequest.newBuilder(endpoint.resolve("/health/live")).GET());
        assertEquals(200, live.statusCode());
        assertEquals("application/json", live.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"status\":\"live\"}\n", text(live));
        HttpResponse<byte[]> ready = send(HttpRequest.newBuilder(endpoint.resolve("/health/ready")).GET());
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"ready\",\"checks\":{\"storage\":\"up\",\"authentication\":\"off\"}}\n", text(ready));

        engine.ready = false;
        HttpResponse<byte[]> notReady = send(HttpRequest.newBuilder(endpoint.resolve("/health/ready")).GET());
        assertEquals(503, notReady.statusCode());
        assertEquals("{\"status\":\"unavailable\",\"checks\":{\"storage\":\"down\",\"authentication\":\"off\"}}\n", text(notReady));
        assertEquals(200, send(HttpRequest.newBuilder(endpoint.resolve("/health/live")).GET()).statusCode(),
                "a server waiting for its storage is alive: restarting it would not help");
    }

    @Test
    void bodiesOverTwoMegabytesAreReadWhole() throws Exception {
        // Undertow's own default would cut a body at 2 MB; DynamoDB takes 16 MB.
        RequestLimits limits = new RequestLimits(RequestLimits.DYNAMODB_MAX_REQUEST_BYTES, 4, 4 * RequestLimits.DYNAMODB_MAX_REQUEST_BYTES,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        HttpServer large = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, false, limits, BrowserAccess.LOOPBACK_ONLY),
                SERVICE::get, STREAMS::get, () -> null);
        large.start();
        try {
            String value = "v".repeat(3 * 1024 * 1024);
            String put = "{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"3mb\"},\"v\":{\"S\":\"" + value + "\"}}}";
            URI uri = URI.create("http://127.0.0.1:" + large.address().getPort() + "/");
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                    .header("X-Amz-Date", "20240101T000000Z").header("Authorization", AUTHORIZATION).POST(BodyPublishers.ofString(put)).build(), BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), text(response));
            assertEquals(AttributeValue.s(value), engine.items.get(AttributeValue.s("3mb")).get("v"));
        } finally {
            large.stop();
        }
    }

    private HttpResponse<byte[]> call(String operation, String body) throws IOException, InterruptedException {
        return send(signed(operation, BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> callStreams(String operation, String body) throws IOException, InterruptedException {
        return send(signedFor("DynamoDBStreams_20120810." + operation, BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder signed(String operation, BodyPublisher body) {
        return signedFor("DynamoDB_20120810." + operation, body);
    }

    private static HttpRequest.Builder signedFor(String target, BodyPublisher body) {
        return request("POST", body)
                .header("X-Amz-Target", target)
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", AUTHORIZATION);
    }

    private static HttpRequest.Builder request(String method, String body) {
        return request(method, BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder request(String method, BodyPublisher body) {
        return HttpRequest.newBuilder(endpoint).method(method, body).header("Content-Type", "application/x-amz-json-1.0");
    }

    private static HttpResponse<byte[]> get(String method) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint).method(method, BodyPublishers.noBody()));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // A request the server never answers fails the test instead of hanging the build.
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] deflate(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
