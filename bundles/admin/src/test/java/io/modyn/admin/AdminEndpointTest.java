package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint over real HTTP on a free loopback port, with a fake framework behind it. */
class AdminEndpointTest {

    @TempDir
    Path directory;

    private final FakeFramework framework = new FakeFramework()
            .bundle(0, "org.apache.felix.framework")
            .bundle(4, "io.modyn.storage.file")
            .bundle(5, "io.modyn.engine");
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private AdminEndpoint endpoint;
    private String token;
    private Path installFolder;

    @BeforeEach
    void start() throws IOException {
        installFolder = Files.createDirectory(directory.resolve("deploy"));
        AdminToken adminToken = AdminToken.loadOrCreate(directory.resolve("admin-token"));
        token = Files.readString(adminToken.file()).trim();
        endpoint = AdminEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new AdminHttpHandler(new BundleAdmin(framework.context(3)), adminToken,
                        new InstallLocationPolicy(List.of(installFolder)), Duration.ZERO));
    }

    @AfterEach
    void stop() {
        endpoint.stop();
        clients.shutdownNow();
    }

    @Test
    void listsBundlesAsText() throws Exception {
        RawHttp.Response response = send("GET /bundles", "");
        assertEquals(200, response.status());
        assertTrue(response.body().contains("io.modyn.storage.file"), response.body());
        assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
    }

    @Test
    void startsABundleByNameAndAnswersItsState() throws Exception {
        RawHttp.Response response = send("POST /bundles/io.modyn.storage.file/start?format=json", "");
        assertEquals(200, response.status());
        assertTrue(response.body().contains("\"state\":\"ACTIVE\""), response.body());
        assertEquals(List.of("start 4"), framework.calls);
    }

    @Test
    void unknownBundleAnswers404WithTheReason() throws Exception {
        RawHttp.Response response = send("POST /bundles/99/stop", "");
        assertEquals(404, response.status());
        assertEquals("error: No bundle 99\n", response.body());
    }

    @Test
    void errorsAreJsonWhenJsonIsAsked() throws Exception {
        RawHttp.Response response = send("GET /bundles/99?format=json", "");
        assertEquals(404, response.status());
        assertEquals("{\"error\":\"No bundle 99\"}\n", response.body());
    }

    @Test
    void requestWithAnOriginIsRefusedAndChangesNothing() throws Exception {
        RawHttp.Response response = send("POST /bundles/0/stop", "Origin: http://evil.example\r\n");
        assertEquals(403, response.status());
        assertTrue(response.body().contains("Origin"), response.body());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void rebindingHostIsRefused() throws Exception {
        RawHttp.Response response = raw("POST /bundles/4/stop HTTP/1.1\r\nHost: evil.example:" + port()
                + "\r\n" + authorization(token));
        assertEquals(403, response.status());
        assertTrue(response.body().contains("evil.example"), response.body());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void loopbackHostNamesAreServed() throws Exception {
        for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]")) {
            RawHttp.Response response = raw("GET /bundles HTTP/1.1\r\nHost: " + host + ":" + port() + "\r\n"
                    + authorization(token));
            assertEquals(200, response.status(), host + ": " + response.body());
        }
    }

    @Test
    void formAndTextBodiesAreRefused() throws Exception {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
            RawHttp.Response response = send("POST /bundles/4/stop",
                    "Content-Type: " + type + "\r\nContent-Length: 3\r\n", "a=b");
            assertEquals(415, response.status(), type);
        }
        assertEquals(400, send("POST /bundles/4/stop", "Content-Length: 3\r\n", "a=b").status());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void missingTokenIs401AndWrongTokenIs403() throws Exception {
        RawHttp.Response missing = raw("POST /bundles/4/stop HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n");
        assertEquals(401, missing.status());
        assertEquals("Bearer realm=\"modyn-admin\"", missing.header("WWW-Authenticate"));
        RawHttp.Response wrong = raw("POST /bundles/4/stop HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n"
                + authorization("0".repeat(64)));
        assertEquals(403, wrong.status());
        assertFalse(wrong.body().contains(token));
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void noAnswerCarriesCorsHeaders() throws Exception {
        RawHttp.Response preflight = raw("OPTIONS /bundles/0/stop HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n");
        RawHttp.Response list = send("GET /bundles", "");
        for (RawHttp.Response response : List.of(preflight, list)) {
            assertTrue(response.headers().keySet().stream().noneMatch(name -> name.startsWith("access-control-")),
                    response.headers().toString());
        }
        assertEquals(403, preflight.status());
    }

    @Test
    void installFromAUrlIsRefusedWithoutFetchingIt() throws Exception {
        try (ServerSocket bait = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RawHttp.Response response = send("POST /bundles/install?location=http://127.0.0.1:"
                    + bait.getLocalPort() + "/evil.jar&start=true", "");
            assertEquals(403, response.status());
            bait.setSoTimeout(200);
            assertTrue(neverConnects(bait), "the endpoint connected to the URL it was given");
        }
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void installsAFileFromAnAllowedFolder() throws Exception {
        Path jar = Files.writeString(installFolder.resolve("extension.jar"), "bundle bytes");
        RawHttp.Response response = send("POST /bundles/install?start=true&location=" + jar, "");
        assertEquals(200, response.status(), response.body());
        assertEquals(List.of("install " + jar.toRealPath().toUri() + " bundle bytes", "start 6"), framework.calls);
    }

    @Test
    void installOfAFileOutsideTheFoldersIsRefused() throws Exception {
        Path outside = Files.writeString(directory.resolve("outside.jar"), "bundle bytes");
        assertEquals(403, send("POST /bundles/install?location=" + outside, "").status());
        assertEquals(403, send("POST /bundles/install?location=" + installFolder + "/../outside.jar", "").status());
        assertEquals(403, send("POST /bundles/4/update?location=" + outside, "").status());
        assertEquals(List.of(), framework.calls);
    }

    @Test
    void updateWithoutLocationStaysAllowed() throws Exception {
        assertEquals(200, send("POST /bundles/4/update", "").status());
        assertEquals(List.of("update 4", "refresh"), framework.calls);
    }

    @Test
    void aStalledRequestDoesNotHoldUpOthers() throws Exception {
        try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), port())) {
            stalled.getOutputStream().write("POST /bundles/0/st".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            assertEquals(200, send("GET /bundles", "").status());
        }
    }

    @Test
    void aStalledRequestIsDisconnected() throws Exception {
        try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), port())) {
            stalled.getOutputStream().write(("GET /bundles HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            // Bounded wait: the server closes it after its request time limit (seconds, not this long).
            stalled.setSoTimeout((int) TimeUnit.SECONDS.toMillis(HttpServerTimeouts.MAX_REQUEST_SECONDS * 6));
            assertEquals(-1, stalled.getInputStream().read());
        }
    }

    @Test
    void listingIsAnsweredWhileABundleCommandRunsAndASecondCommandIsTurnedAway() throws Exception {
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        framework.beforeStop = () -> {
            stopping.countDown();
            await(release);
        };
        CompletableFuture<RawHttp.Response> stop =
                CompletableFuture.supplyAsync(() -> sendUnchecked("POST /bundles/4/stop"), clients);
        try {
            assertTrue(stopping.await(30, TimeUnit.SECONDS), "stop never started");
            assertEquals(200, send("GET /bundles", "").status());
            RawHttp.Response second = send("POST /bundles/5/start", "");
            assertEquals(503, second.status());
            assertTrue(second.body().contains("Another bundle command"), second.body());
        } finally {
            release.countDown();
        }
        assertEquals(200, stop.get(30, TimeUnit.SECONDS).status());
        assertEquals(List.of("stop 4"), framework.calls);
    }

    private static boolean neverConnects(ServerSocket bait) throws IOException {
        try (Socket ignored = bait.accept()) {
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    private RawHttp.Response send(String requestLine, String extraHeaders) throws IOException {
        return send(requestLine, extraHeaders, "");
    }

    /** A request as bin/modyn-admin sends it, plus {@code extraHeaders}. */
    private RawHttp.Response send(String requestLine, String extraHeaders, String body) throws IOException {
        return RawHttp.exchange(port(), (requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n"
                + authorization(token) + extraHeaders).stripTrailing(), body);
    }

    private RawHttp.Response sendUnchecked(String requestLine) {
        try {
            return send(requestLine, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RawHttp.Response raw(String head) throws IOException {
        return RawHttp.exchange(port(), head.stripTrailing(), "");
    }

    private static String authorization(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private int port() {
        return endpoint.address().getPort();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
