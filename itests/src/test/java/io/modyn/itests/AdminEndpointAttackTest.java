package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AdminClient;
import io.modyn.itests.support.BundleInfo;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.ProbeBundle;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.WireClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoint of the assembled server under the attacks a web page or another local user
 * could try: each is refused and nothing happens (the bundles stay ACTIVE, the server keeps
 * serving). Requests are written by hand over a socket, since {@code java.net.http} will not send a
 * foreign {@code Host}. Also {@code bin/modyn-admin} against it, as an operator runs it. This class
 * runs its own server: a successful attack must not take down a server other tests use.
 */
class AdminEndpointAttackTest {

    private static final String STORAGE_BUNDLE = StorageBackend.current().bundle();

    private static ModynServer server;
    private static AdminClient admin;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("admin-attack");
        admin = server.admin();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @AfterEach
    void nothingHappened() {
        assertTrue(admin.bundle("org.apache.felix.framework").orElseThrow().isActive(), "framework still ACTIVE");
        assertTrue(admin.bundle(STORAGE_BUNDLE).orElseThrow().isActive(), STORAGE_BUNDLE + " still ACTIVE");
        assertTrue(admin.bundle(ProbeBundle.SYMBOLIC_NAME).isEmpty(), "no bundle installed");
        assertEquals(200, new WireClient(server).post("ListTables").body("{}").send().status(), "still serving");
    }

    @Test
    void originHeaderIsRefusedEvenWithTheToken() throws IOException {
        for (String target : List.of("0", STORAGE_BUNDLE)) {
            Response response = send(request("POST", "/bundles/" + target + "/stop")
                    + "Origin: http://evil.example\r\n", "");
            assertEquals(403, response.status(), response.body());
            assertFalse(response.head().toLowerCase().contains("access-control-"), response.head());
        }
    }

    @Test
    void dnsRebindingHostIsRefusedEvenWithTheToken() throws IOException {
        Response response = send("POST /bundles/0/stop HTTP/1.1\r\nHost: evil.example:" + adminPort() + "\r\n"
                + bearer(admin.token()), "");
        assertEquals(403, response.status(), response.body());
    }

    @Test
    void textAndFormBodiesAreRefusedEvenWithTheToken() throws IOException {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            Response response = send(request("POST", "/bundles/0/stop") + "Content-Type: " + type
                    + "\r\nContent-Length: 7\r\n", "x=1&y=2");
            assertEquals(415, response.status(), type + ": " + response.body());
        }
    }

    @Test
    void requestsWithoutTheRightTokenAreRefused() throws IOException {
        String noToken = "POST /bundles/0/stop HTTP/1.1\r\nHost: 127.0.0.1:" + adminPort() + "\r\n";
        Response missing = send(noToken, "");
        assertEquals(401, missing.status(), missing.body());
        assertTrue(missing.body().contains("admin-token"), "names the token file: " + missing.body());

        Response wrong = send(noToken + bearer("f".repeat(64)), "");
        assertEquals(403, wrong.status(), wrong.body());
        Response listing = send("GET /bundles HTTP/1.1\r\nHost: 127.0.0.1:" + adminPort() + "\r\n", "");
        assertEquals(401, listing.status(), "even listing needs the token");
    }

    @Test
    void installFromAUrlIsRefusedAndTheServerNeverConnects() throws IOException {
        try (ServerSocket bait = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + bait.getLocalPort() + "/evil.jar";
            String ftp = "ftp://127.0.0.1:" + bait.getLocalPort() + "/x.jar";
            for (String location : List.of(url, "jar:" + url + "!/", ftp)) {
                Response response = send(install(location), "");
                assertEquals(403, response.status(), location + ": " + response.body());
            }
            Response update = send(request("POST", "/bundles/" + STORAGE_BUNDLE + "/update?location=" + encode(url)),
                    "");
            assertEquals(403, update.status(), update.body());
            // The answers came after any fetch would have been tried; a short wait catches a late one.
            bait.setSoTimeout(1000);
            assertTrue(neverConnects(bait), "the server connected to " + url);
        }
    }

    @Test
    void installFromOutsideTheInstallFoldersIsRefused() throws IOException {
        Path outside = Files.createDirectories(server.dataDir().resolve("elsewhere"));
        Path jar = Files.write(outside.resolve("probe.jar"), ProbeBundle.jar("1.0.0"));
        Path extensions = Files.createDirectories(server.home().resolve("extensions"));
        Path link = Files.createSymbolicLink(extensions.resolve("link.jar"), jar);
        try {
            for (String location : List.of(jar.toString(), jar.toUri().toString(),
                    extensions + "/../../data/elsewhere/probe.jar", link.toString())) {
                Response response = send(install(location), "");
                assertEquals(403, response.status(), location + ": " + response.body());
            }
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void installFromTheExtensionsFolderWorks() throws IOException {
        Path jar = Files.write(Files.createDirectories(server.home().resolve("extensions")).resolve("probe.jar"),
                ProbeBundle.jar("1.0.0"));
        Response installed = send(request("POST", "/bundles/install?start=true&format=json&location="
                + encode(jar.toString())), "");
        assertEquals(200, installed.status(), installed.body());
        assertTrue(admin.bundle(ProbeBundle.SYMBOLIC_NAME).orElseThrow().isActive());
        Response removed = send(request("POST", "/bundles/" + ProbeBundle.SYMBOLIC_NAME + "/uninstall"), "");
        assertEquals(200, removed.status(), removed.body());
    }

    @Test
    void tokenFileIsReadableByItsOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(admin.tokenFile())));
        assertTrue(admin.token().matches("[0-9a-f]{64}"), "32 random bytes in hex");
        assertFalse(Files.readString(server.log()).contains(admin.token()), "the token is in the server log");
    }

    @Test
    void stalledRequestsDoNotBlockAListingAndAreCutOff() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), adminPort());
                socket.getOutputStream().write(("POST /bundles/0/stop HTTP/1.1\r\nHost: 127.0.0.1:" + adminPort())
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            assertTrue(admin.bundles().size() > 10, "listed while three requests stall");
            Socket first = stalled.get(0);
            first.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            assertEquals(-1, first.getInputStream().read(), "the server closes a stalled request");
        } finally {
            for (Socket socket : stalled) socket.close();
        }
    }

    @Test
    void modynAdminListsBundles() throws Exception {
        Result result = modynAdmin("--port", String.valueOf(adminPort()), "--data-dir", server.dataDir().toString(),
                "list");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("io.modyn.admin"), result.toString());
        assertTrue(result.stdout().contains(STORAGE_BUNDLE), result.toString());
    }

    @Test
    void modynAdminPrintsTheEndpointsMessageForAnUnknownBundle() throws Exception {
        Result result = modynAdmin("--port", String.valueOf(adminPort()), "--data-dir", server.dataDir().toString(),
                "stop", "no.such.bundle");
        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("No bundle no.such.bundle"), result.toString());
    }

    @Test
    void modynAdminSaysClearlyWhenNoServerListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Result result = modynAdmin("--port", String.valueOf(closedPort), "--data-dir", server.dataDir().toString(),
                "list");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("port " + closedPort), result.toString());
        assertTrue(result.stderr().contains("may not be running"), result.toString());
        assertFalse(result.stderr().contains("Failed to connect"), "curl's own message: " + result);
    }

    @Test
    void modynAdminSaysWhereItLookedForAMissingToken() throws Exception {
        Path empty = Files.createDirectories(server.dataDir().resolve("no-token-here"));
        Result result = modynAdmin("--port", String.valueOf(adminPort()), "--data-dir", empty.toString(), "list");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains(empty.resolve("admin-token").toString()), result.toString());
    }

    private record Response(int status, String head, String body) {
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** A request line and headers as bin/modyn-admin sends them, with the token. */
    private static String request(String method, String pathAndQuery) {
        return method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + adminPort() + "\r\n"
                + bearer(admin.token());
    }

    private static String install(String location) {
        return request("POST", "/bundles/install?start=true&location=" + encode(location));
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private static Response send(String head, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), adminPort())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String text = readAll(socket.getInputStream());
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, "no HTTP response: " + text);
            int status = Integer.parseInt(text.split(" ", 3)[1]);
            return new Response(status, text.substring(0, end), text.substring(end + 4));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean neverConnects(ServerSocket bait) throws IOException {
        try (Socket ignored = bait.accept()) {
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    private static Result modynAdmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(server.home().resolve("bin").resolve("modyn-admin").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("MODYN_"));
        Path stdout = Files.createTempFile("modyn-admin", ".out");
        Path stderr = Files.createTempFile("modyn-admin", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/modyn-admin did not finish");
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int adminPort() {
        return admin.base().getPort();
    }
}
