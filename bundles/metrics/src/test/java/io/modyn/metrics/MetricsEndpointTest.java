package io.modyn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real sockets, requests written by hand: java.net.http will not send a foreign Host. */
class MetricsEndpointTest {

    private MetricsEndpoint endpoint;
    private int port;

    @BeforeEach
    void start() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        new DynamoDbMetrics(registry).succeeded("GetItem", "Music", 1_000_000);
        endpoint = MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new MetricsHttpHandler(registry, new BrowserRequestGuard(Set.of()), ScrapeAccess.open()));
        port = endpoint.address().getPort();
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void aScrapeGetsThePrometheusTextFormat() throws IOException {
        Response response = send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");

        assertEquals(200, response.status, response.text());
        assertTrue(response.header("content-type").startsWith("text/plain; version=0.0.4"), response.head);
        assertTrue(response.text().contains(
                "dynamodb_SuccessfulRequestLatency_seconds_count{Operation=\"GetItem\",TableName=\"Music\"} 1"), response.text());
        assertFalse(response.head.toLowerCase(Locale.ROOT).contains("access-control-"), response.head);
    }

    @Test
    void openMetricsIsServedWhenAskedForAndGzipWhenAccepted() throws IOException {
        Response response = send("GET /metrics HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Accept: application/openmetrics-text;version=1.0.0,text/plain;q=0.5\r\nAccept-Encoding: gzip\r\n");

        assertEquals(200, response.status);
        assertTrue(response.header("content-type").startsWith("application/openmetrics-text"), response.head);
        assertEquals("gzip", response.header("content-encoding"));
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(response.body)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("# EOF\n"), text);
    }

    @Test
    void aCrossSiteRequestIsRefused() throws IOException {
        Response response = send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://evil.example\r\n");

        assertEquals(403, response.status);
        assertFalse(response.text().contains("dynamodb_"), response.text());
        assertFalse(response.head.toLowerCase(Locale.ROOT).contains("access-control-"), response.head);
    }

    @Test
    void aForeignHostIsRefused() throws IOException {
        Response response = send("GET /metrics HTTP/1.1\r\nHost: evil.example:" + port + "\r\n");

        assertEquals(403, response.status);
        assertFalse(response.text().contains("dynamodb_"), response.text());
    }

    @Test
    void onlyGetOfMetricsIsServed() throws IOException {
        assertEquals(405, send("DELETE /metrics HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").status);
        assertEquals(404, send("GET /bundles HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").status);
    }

    private Response send(String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Response.parse(in.readAllBytes());
        }
    }

    private record Response(int status, String head, byte[] body) {

        static Response parse(byte[] raw) {
            String all = new String(raw, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            String head = all.substring(0, end);
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            return new Response(Integer.parseInt(head.substring(9, 12)), head, body);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return "";
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
