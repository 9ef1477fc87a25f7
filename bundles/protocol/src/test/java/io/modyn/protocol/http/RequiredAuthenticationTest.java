package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Principal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that must authenticate every request never serves one open: not in the moment after
 * start before the authentication bundle has registered its authenticator, nor while that bundle
 * is being updated. Requests are told to retry instead, and health says the server is not ready.
 */
class RequiredAuthenticationTest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    private final AtomicReference<Authenticator> authenticator = new AtomicReference<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void start() {
        RequestLimits limits = new RequestLimits(64 * 1024, 8, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10));
        FakeDynamoDbService engine = new FakeDynamoDbService();
        server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, true, limits, BrowserAccess.LOOPBACK_ONLY),
                () -> engine, () -> null, authenticator::get);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void withoutItsAuthenticatorRequestsAreToldToRetryAndHealthIsNotReady() throws Exception {
        HttpResponse<String> listTables = listTables();
        assertEquals(503, listTables.statusCode(), listTables.body());
        assertTrue(listTables.body().contains("ServiceUnavailableException"), listTables.body());
        assertEquals(503, health());
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(endpoint.resolve("/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, ready.statusCode());
        assertEquals("{\"status\":\"unavailable\",\"checks\":{\"storage\":\"up\",\"authentication\":\"down\"}}\n", ready.body());
    }

    @Test
    void onceItsAuthenticatorIsBoundRequestsAreServedAsItDecides() throws Exception {
        authenticator.set(request -> new Principal("000000000000", "arn:aws:iam::000000000000:root", "AKIDEXAMPLE", "000000000000"));
        assertEquals(200, listTables().statusCode());
        assertEquals(200, health());

        authenticator.set(null);
        assertEquals(503, listTables().statusCode(), "an authenticator that went away must not leave the server open");
    }

    private HttpResponse<String> listTables() throws Exception {
        return client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int health() throws Exception {
        return client.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
