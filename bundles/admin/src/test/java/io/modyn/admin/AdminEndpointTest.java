package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP on a free loopback port, with a fake framework behind it. */
class AdminEndpointTest {

    private final FakeFramework framework = new FakeFramework()
            .bundle(0, "org.apache.felix.framework")
            .bundle(4, "io.modyn.storage.file");
    private final HttpClient client = HttpClient.newHttpClient();
    private AdminEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = AdminEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AdminHttpHandler(new BundleAdmin(framework.context(3))));
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void listsBundlesAsText() throws Exception {
        HttpResponse<String> response = send("GET", "/bundles");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("io.modyn.storage.file"), response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void startsABundleByNameAndAnswersItsState() throws Exception {
        HttpResponse<String> response = send("POST", "/bundles/io.modyn.storage.file/start?format=json");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"state\":\"ACTIVE\""), response.body());
        assertEquals(List.of("start 4"), framework.calls);
    }

    @Test
    void unknownBundleAnswers404WithTheReason() throws Exception {
        HttpResponse<String> response = send("POST", "/bundles/99/stop");
        assertEquals(404, response.statusCode());
        assertEquals("error: No bundle 99\n", response.body());
    }

    @Test
    void errorsAreJsonWhenJsonIsAsked() throws Exception {
        HttpResponse<String> response = send("GET", "/bundles/99?format=json");
        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"No bundle 99\"}\n", response.body());
    }

    private HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        InetSocketAddress address = endpoint.address();
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + pathAndQuery);
        return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
