package io.modyn.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the endpoint (a bundle update, a configuration change, the server's shutdown) lets the
 * requests in flight finish and answers new ones with a retryable 503 meanwhile, instead of cutting
 * connections under clients whose writes may or may not have happened.
 */
class GracefulShutdownTest {

    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";

    @Test
    void aRequestInFlightFinishesWhileNewOnesAreToldToRetryThenTheListenerCloses() throws Exception {
        FakeDynamoDbService engine = new FakeDynamoDbService();
        engine.gate = new CountDownLatch(1);
        RequestLimits limits = new RequestLimits(RequestLimits.DYNAMODB_MAX_REQUEST_BYTES, 8, 64L << 20, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
        HttpServer server = new HttpServer(new HttpServerSettings("127.0.0.1", 0, 1, 2, "eu-west-1", false, false, limits,
                BrowserAccess.LOOPBACK_ONLY), () -> engine, () -> null, () -> null);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(put(endpoint, "in-flight"), BodyHandlers.ofString());
        assertTrue(engine.reached.await(30, TimeUnit.SECONDS), "the put reached the engine");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);

        HttpResponse<String> refused = awaitRefusal(endpoint);
        assertEquals(503, refused.statusCode(), "a request arriving during the shutdown is told to retry elsewhere or later");

        engine.gate.countDown();
        HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode(), finished.body());
        assertEquals(AttributeValue.s("in-flight"), engine.items.get(AttributeValue.s("in-flight")).get("id"));
        stopping.get(30, TimeUnit.SECONDS);

        IOException closed = assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET().build(), BodyHandlers.ofString()));
        assertTrue(closed instanceof ConnectException || closed.getCause() instanceof ConnectException, closed.toString());
    }

    /** Health requests on new connections until one is answered 503 (the shutdown has begun). */
    private static HttpResponse<String> awaitRefusal(URI endpoint) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET().build(), BodyHandlers.ofString());
            if (response.statusCode() != 200) return response;
            Thread.sleep(50);
        }
        throw new AssertionError("the server never began shutting down");
    }

    private static HttpRequest put(URI endpoint, String id) {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .header("X-Amz-Date", "20240101T000000Z").header("Authorization", AUTHORIZATION)
                .POST(BodyPublishers.ofString("{\"TableName\":\"items\",\"Item\":{\"id\":{\"S\":\"" + id + "\"}}}")).build();
    }
}
