package io.modyn.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each ready assembly starts as an operator starts it ({@code bin/modyn --storage ...}): every
 * bundle resolves and is ACTIVE, exactly one storage backend is installed, and data requests are
 * served (the storage service is registered). The PostgreSQL assembly runs against the database
 * named by {@value #POSTGRES_URL}; without it that check is skipped loudly, or fails when
 * {@value #REQUIRE_POSTGRES}{@code =true}.
 */
class AssemblyStartIT {

    private static final String POSTGRES_URL = "MODYN_IT_POSTGRES_URL";
    private static final String REQUIRE_POSTGRES = "MODYN_IT_REQUIRE_POSTGRES";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern BUNDLE = Pattern.compile("\"state\":\"(\\w+)\",\"symbolicName\":\"([^\"]*)\"");

    private final Path server = AssembledBundles.serverFolder();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    @Test
    @Timeout(120)
    void fileAssemblyStartsWithOnlyTheFileBackend() throws Exception {
        assertStarts("io.modyn.storage.file", "io.modyn.storage.postgres", "--storage", "file");
    }

    @Test
    @Timeout(120)
    void inMemoryAssemblyStartsWithOnlyTheMemoryBackend() throws Exception {
        assertStarts("io.modyn.storage.memory", "io.modyn.storage.file", "--in-memory");
    }

    @Test
    @Timeout(120)
    void postgresAssemblyStartsWithOnlyThePostgresBackend() throws Exception {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            String message = POSTGRES_URL + " is not set: the PostgreSQL assembly was NOT started";
            if (Boolean.parseBoolean(System.getenv(REQUIRE_POSTGRES))) fail(message + " (" + REQUIRE_POSTGRES + "=true)");
            System.err.println("\n*** SKIPPED *** " + message + "\n");
            Assumptions.abort(message);
        }
        assertStarts("io.modyn.storage.postgres", "io.modyn.storage.file",
                "--storage", "postgres", "--jdbc-url", url, "--jdbc-schema", "modyn_distribution_it");
    }

    private void assertStarts(String backend, String otherBackend, String... storageOptions) throws Exception {
        int port = freePort();
        int adminPort = freePort();
        List<String> command = new ArrayList<>(List.of(server.resolve("bin/modyn").toString(),
                "--port", Integer.toString(port), "--admin-port", Integer.toString(adminPort), "--data-dir", data.toString()));
        command.addAll(List.of(storageOptions));
        Path log = data.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("MODYN_"));
        Process process = builder.start();
        try {
            List<String[]> bundles = awaitActive(process, adminPort, log);
            List<String> names = bundles.stream().map(bundle -> bundle[1]).toList();
            assertTrue(names.contains(backend), names.toString());
            assertTrue(!names.contains(otherBackend), "exactly one storage backend: " + names);
            awaitDataRequestsServed(process, port, log);
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    /** Polls the admin endpoint until every bundle is ACTIVE; returns (state, symbolic name) pairs. */
    private List<String[]> awaitActive(Process process, int adminPort, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        List<String[]> bundles = List.of();
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the server exited:\n" + Files.readString(log));
            String json = getAdmin(URI.create("http://127.0.0.1:" + adminPort + "/bundles?format=json"));
            if (json != null) {
                bundles = new ArrayList<>();
                Matcher matcher = BUNDLE.matcher(json);
                while (matcher.find()) bundles.add(new String[] {matcher.group(1), matcher.group(2)});
                if (!bundles.isEmpty() && bundles.stream().allMatch(bundle -> bundle[0].equals("ACTIVE"))) return bundles;
            }
            Thread.sleep(200);
        }
        List<String> inactive = bundles.stream().filter(b -> !b[0].equals("ACTIVE")).map(b -> b[1] + " " + b[0]).toList();
        throw new AssertionError("bundles not ACTIVE within " + START_TIMEOUT.toSeconds() + " s: " + inactive + "\n" + Files.readString(log));
    }

    /** ListTables answers 503 until the storage service is registered, then 200. */
    private void awaitDataRequestsServed(Process process, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int status = -1;
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the server exited:\n" + Files.readString(log));
            HttpRequest listTables = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Date", "20250101T000000Z")
                    // Well-formed; the server runs open (no auth bundle), so any signature is accepted.
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/aws4_request,"
                            + " SignedHeaders=host;x-amz-date, Signature=0000")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            try {
                status = http.send(listTables, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) return;
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(200);
        }
        assertEquals(200, status, "ListTables status\n" + Files.readString(log));
    }

    /** The admin endpoint wants the token the server writes to {@code <data dir>/admin-token}. */
    private String getAdmin(URI uri) throws InterruptedException {
        Path tokenFile = data.resolve("admin-token");
        try {
            if (!Files.exists(tokenFile)) return null;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + Files.readString(tokenFile).trim()).build();
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
