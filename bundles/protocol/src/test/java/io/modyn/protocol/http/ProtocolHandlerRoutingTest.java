package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.protocol.extension.ProtocolHandlers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Other AWS APIs on the DynamoDB endpoint, over real HTTP: requests reach the {@link ProtocolHandler}
 * bound for their target prefix or signing service, authenticated first, and everything else is
 * answered as before.
 */
class ProtocolHandlerRoutingTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String STS_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

    private static final ProtocolHandlers HANDLERS = new ProtocolHandlers();
    private static final AtomicReference<Authenticator> AUTHENTICATOR = new AtomicReference<>();
    private static HttpServer server;
    private static HttpClient client;
    private static URI endpoint;

    private final List<ProtocolHandler> bound = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        RequestLimits limits = new RequestLimits(64 * 1024, 64, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30));
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, false, limits, BrowserAccess.LOOPBACK_ONLY),
                () -> null, () -> null, AUTHENTICATOR::get, HANDLERS);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @AfterEach
    void unbindAll() {
        bound.forEach(HANDLERS::remove);
        AUTHENTICATOR.set(null);
    }

    @Test
    void aFormPostSignedForARegisteredServiceReachesItsHandlerWithEverythingItNeeds() throws Exception {
        RecordingHandler sts = bind(new RecordingHandler("sts-answer"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts"));
        Principal root = new Principal("123456789012", "arn:aws:iam::123456789012:root", "AKIDEXAMPLE", "123456789012");
        AUTHENTICATOR.set(request -> root);

        HttpResponse<String> response = send(form("sts", STS_BODY).uri(endpoint.resolve("/?x=1")));

        assertEquals(200, response.statusCode());
        assertEquals("text/xml", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("sts-answer", response.body());
        ProtocolRequest seen = sts.only();
        assertEquals("POST", seen.method());
        assertEquals("/", seen.path());
        assertEquals("x=1", seen.query());
        assertEquals(STS_BODY, new String(seen.body(), StandardCharsets.UTF_8));
        assertEquals(FORM, seen.header("content-type"), "headers are found whatever the case");
        assertEquals(root, seen.principal());
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), seen.requestId());
        assertTrue(seen.clientAddress().getAddress().isLoopbackAddress());
    }

    @Test
    void aTargetWithARegisteredPrefixReachesItsHandler() throws Exception {
        RecordingHandler kms = bind(new RecordingHandler("{}"), Map.of(ProtocolHandler.TARGET_PREFIX, new String[] {"TrentService"}));

        HttpResponse<String> response = send(signed("dynamodb").header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "TrentService.ListKeys").POST(BodyPublishers.ofString("{}")));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, kms.requests.size());
        assertNull(kms.only().principal(), "no authenticator bound: open mode");
    }

    @Test
    void aPresignedFormPostIsRoutedByItsCredentialParameter() throws Exception {
        RecordingHandler iam = bind(new RecordingHandler("iam"), Map.of(ProtocolHandler.SIGNING_SERVICE, List.of("iam")));
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20240101%2Feu-west-1%2Fiam%2Faws4_request"
                + "&X-Amz-Date=20240101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef";

        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/?" + query)).header("Content-Type", FORM)
                .POST(BodyPublishers.ofString("Action=ListUsers&Version=2010-05-08")));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("iam", response.body());
        assertEquals(1, iam.requests.size());
    }

    @Test
    void aGzipBodyReachesTheHandlerDecoded() throws Exception {
        RecordingHandler sts = bind(new RecordingHandler("ok"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts"));

        HttpResponse<String> response = send(signed("sts").header("Content-Type", FORM).header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(gzip(STS_BODY))));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(STS_BODY, new String(sts.only().body(), StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedSignatureNeverReachesTheHandlerAndIsAnsweredInItsFormat() throws Exception {
        RecordingHandler sts = bind(new RecordingHandler("never"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts"));
        AUTHENTICATOR.set(request -> {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "wrong signature");
        });

        HttpResponse<String> response = send(form("sts", STS_BODY));

        assertTrue(sts.requests.isEmpty());
        assertEquals(403, response.statusCode());
        assertEquals("text/xml", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<Error>InvalidSignatureException: wrong signature " + sts.errorRequestIds.get(0) + "</Error>", response.body());
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), sts.errorRequestIds.get(0));
    }

    @Test
    void withoutAnErrorFormatOfItsOwnARefusalIsDynamoDbsJsonError() throws Exception {
        bind(request -> ProtocolResponse.of(200, "text/plain", "never"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts"));

        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint).header("Content-Type", FORM)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/sts/aws4_request")
                .POST(BodyPublishers.ofString(STS_BODY)));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("IncompleteSignatureException"), response.body());
    }

    @Test
    void aFailingHandlerIsA500WithAGenericMessage() throws Exception {
        bind(request -> {
            throw new IllegalStateException("secret detail");
        }, Map.of(ProtocolHandler.SIGNING_SERVICE, "sts"));

        HttpResponse<String> response = send(form("sts", STS_BODY));

        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains("secret detail"), response.body());
        assertTrue(response.body().contains("InternalServerError"), response.body());
    }

    @Test
    void aFormPostForAServiceNobodyServesGetsTheUnknownOperationPageAsBefore() throws Exception {
        bind(new RecordingHandler("sts"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts"));

        for (HttpRequest.Builder request : List.of(form("iam", "Action=ListUsers&Version=2010-05-08"),
                HttpRequest.newBuilder(endpoint).header("Content-Type", FORM).POST(BodyPublishers.ofString(STS_BODY)))) {
            HttpResponse<String> response = send(request);
            assertEquals(404, response.statusCode());
            assertEquals("<UnknownOperationException/>\n", response.body());
        }
    }

    @Test
    void anUnservedTargetPrefixIsAnUnknownOperationAsBefore() throws Exception {
        HttpResponse<String> response = send(signed("kms").header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "TrentService.ListKeys").POST(BodyPublishers.ofString("{}")));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("UnknownOperationException"), response.body());
    }

    @Test
    void dynamoDbsOwnTargetPrefixCannotBeTakenOver() throws Exception {
        RecordingHandler thief = bind(new RecordingHandler("stolen"), Map.of(ProtocolHandler.TARGET_PREFIX, "DynamoDB_20120810"));

        HttpResponse<String> response = send(signed("dynamodb").header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables").POST(BodyPublishers.ofString("{}")));

        assertTrue(thief.requests.isEmpty());
        assertEquals(503, response.statusCode(), "DynamoDB's route, whose service is not bound here: " + response.body());
    }

    @Test
    void theBestRankedHandlerServesAndAnUnboundOneNoLonger() throws Exception {
        RecordingHandler low = bind(new RecordingHandler("low"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts",
                "service.ranking", 1, "service.id", 10L));
        RecordingHandler high = bind(new RecordingHandler("high"), Map.of(ProtocolHandler.SIGNING_SERVICE, "sts",
                "service.ranking", 5, "service.id", 11L));
        assertEquals("high", send(form("sts", STS_BODY)).body());

        HANDLERS.remove(high);
        assertEquals("low", send(form("sts", STS_BODY)).body());
        HANDLERS.remove(low);
        assertEquals(404, send(form("sts", STS_BODY)).statusCode());
    }

    private <H extends ProtocolHandler> H bind(H handler, Map<String, ?> properties) {
        HANDLERS.add(handler, properties);
        bound.add(handler);
        return handler;
    }

    /** A form POST whose Authorization header is complete and scoped to {@code service}. */
    private static HttpRequest.Builder form(String service, String body) {
        return signed(service).header("Content-Type", FORM).POST(BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder signed(String service) {
        return HttpRequest.newBuilder(endpoint).header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/" + service
                        + "/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=0123456789abcdef");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Answers with a fixed text/xml body and remembers what it was given; errors in a format of its own. */
    private static final class RecordingHandler implements ProtocolHandler {

        final List<ProtocolRequest> requests = new CopyOnWriteArrayList<>();
        final List<String> errorRequestIds = new CopyOnWriteArrayList<>();
        private final String answer;

        RecordingHandler(String answer) {
            this.answer = answer;
        }

        @Override
        public ProtocolResponse handle(ProtocolRequest request) {
            requests.add(request);
            return ProtocolResponse.of(200, "text/xml", answer);
        }

        @Override
        public ProtocolResponse errorResponse(DynamoException error, String requestId) {
            errorRequestIds.add(requestId);
            return ProtocolResponse.of(403, "text/xml", "<Error>" + error.type().wireName() + ": " + error.getMessage() + " "
                    + requestId + "</Error>");
        }

        ProtocolRequest only() {
            assertEquals(1, requests.size());
            return requests.get(0);
        }
    }
}
