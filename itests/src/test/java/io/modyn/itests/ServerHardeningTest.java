package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What a local attacker or a hostile workload must not get from a running server: its data and
 * configuration are readable by its own user only; the JVM ends on OutOfMemoryError (so a
 * supervisor restarts it) instead of living on with dead threads; a start on storage it cannot read
 * ends with a message naming the problem instead of answering 503 forever; and the database
 * password is stored nowhere under the data directory. Runs its own servers, since it kills and
 * corrupts them.
 */
class ServerHardeningTest {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private static ModynServer server;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("hardening");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void theDataDirectoryAndEverythingInItAreOwnerOnlyAfterWritesAndARestart() throws IOException {
        writeSomeItems(server, "perm");
        assertEquals("rwx------", permissions(server.dataDir()));
        assertEquals(List.of(), notOwnerOnly(server.dataDir()));
        assertTrue(Files.isDirectory(server.dataDir().resolve("felix-cache")), "Felix's cache is under the data directory");

        server.stop();
        server.restart();
        writeSomeItems(server, "perm-again");

        assertEquals(List.of(), notOwnerOnly(server.dataDir()));
    }

    @Test
    void theJvmEndsOnOutOfMemoryAndHasADefaultHeap() throws IOException {
        List<String> arguments = javaCommandLine(server);

        assertTrue(arguments.contains("-XX:+ExitOnOutOfMemoryError"), arguments::toString);
        assertEquals(List.of("-Xmx1g"), arguments.stream().filter(a -> a.startsWith("-Xmx")).toList(), arguments::toString);
    }

    /**
     * A heap that runs out ends the process at once rather than leaving it half alive. The file store
     * no longer fills the heap with data (BoundedMemoryTest stores 2 GB through a 256 MB heap), and
     * the protocol budgets request memory, so no request sequence exhausts the heap on purpose any
     * more: what remains to check is that the JVM is started to exit on the error, whatever
     * JAVA_OPTS adds.
     */
    @Test
    void theServerExitsOnOutOfMemoryWhateverJavaOptsAdd() throws IOException {
        try (ModynServer small = ModynServer.startWithEnvironment("small-heap", Map.of("JAVA_OPTS", "-Xmx96m"))) {
            List<String> arguments = javaCommandLine(small);
            assertTrue(arguments.indexOf("-Xmx96m") > arguments.indexOf("-Xmx1g"), "JAVA_OPTS comes after the default heap, so it wins: "
                    + arguments);
            assertTrue(arguments.contains("-XX:+ExitOnOutOfMemoryError"), arguments::toString);
            assertFalse(arguments.contains("-XX:-ExitOnOutOfMemoryError"), arguments::toString);
        }
    }

    @Test
    void aStartOnStorageItCannotReadEndsWithAMessageNamingTheProblem() throws IOException {
        assumeTrue(StorageBackend.current() == StorageBackend.FILE, "only the file store reads storage files at start");
        try (ModynServer damaged = ModynServer.start("unreadable-storage")) {
            writeSomeItems(damaged, "unreadable");
            damaged.stop();
            Path commitLog = damaged.dataDir().resolve("storage").resolve("commitlog");
            int rewritten = 0;
            try (Stream<Path> segments = Files.list(commitLog)) {
                for (Path segment : segments.toList()) {
                    // A segment holding records (longer than its 24-byte header), as a newer Modyn would have written it.
                    if (Files.size(segment) > 24) {
                        rewriteFormatVersion(segment, 99);
                        rewritten++;
                    }
                }
            }
            assertTrue(rewritten > 0, "no commit-log segment with records in " + commitLog);
            long logBefore = Files.size(damaged.log());

            int exitCode = damaged.restartExpectingExit(EXIT_TIMEOUT);

            String output = Files.readString(damaged.log(), StandardCharsets.UTF_8).substring((int) logBefore);
            assertEquals(1, exitCode, "exit status of a start whose storage cannot be opened (README): " + output);
            assertTrue(output.contains("File storage cannot open its data directory " + commitLog.getParent().toRealPath()), output);
            assertTrue(output.contains("unsupported format version 99"), output);
        }
    }

    @Test
    void theDatabasePasswordIsStoredNowhereUnderTheDataDirectoryNorLogged() throws IOException {
        assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "only PostgreSQL storage has a database password");
        String url = System.getenv(StorageBackend.POSTGRES_URL);
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        String password = Arrays.stream(query.split("&")).filter(p -> p.startsWith("password=")).map(p -> p.substring(9))
                .findFirst().orElse("no-password-in-url-" + ProcessHandle.current().pid());
        // The URL (with its password) through --jdbc-url, and the password again as MODYN_JDBC_PASSWORD.
        try (ModynServer node = ModynServer.startWithEnvironment("secrets", Map.of("MODYN_JDBC_PASSWORD", password))) {
            writeSomeItems(node, "secrets");
            node.stop();
            node.restart();
            writeSomeItems(node, "secrets-again");

            List<String> secrets = new ArrayList<>(List.of(url, password));
            if (!query.isEmpty()) secrets.add(query);
            for (String secret : secrets) {
                assertEquals(List.of(), filesContaining(node.dataDir(), secret), "files under the data directory holding a secret");
            }
            String log = Files.readString(node.log(), StandardCharsets.UTF_8);
            assertFalse(log.contains("password=" + password), "the log quotes the URL's password");
            if (!query.isEmpty()) assertFalse(log.contains(query), "the log quotes the URL's query string");
        }
    }

    private static void writeSomeItems(ModynServer target, String purpose) {
        try (DynamoDbClient dynamo = DynamoDbClients.create(target)) {
            String table = TestTables.createHashTable(dynamo, purpose, ScalarAttributeType.S);
            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s(key), "v", s("value " + key))));
            }
        }
    }

    /** The arguments of the server's JVM, from /proc: bin/modyn's own process if it execs java, else its java descendant. */
    private static List<String> javaCommandLine(ModynServer target) throws IOException {
        List<ProcessHandle> candidates = new ArrayList<>();
        candidates.add(target.processHandle());
        target.processHandle().descendants().forEach(candidates::add);
        for (ProcessHandle candidate : candidates) {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(candidate.pid()), "cmdline"));
            List<String> arguments = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
            if (arguments.stream().anyMatch(a -> a.endsWith("felix.jar"))) return arguments;
        }
        throw new AssertionError("no java process runs bin/felix.jar among " + candidates);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Paths under {@code root} not owner-only (directories 0700, files 0600), with their permissions. */
    private static List<String> notOwnerOnly(Path root) throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                try {
                    String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                    String actual = permissions(path);
                    if (!actual.equals(expected)) wrong.add(root.relativize(path) + " is " + actual);
                } catch (NoSuchFileException deletedMeanwhile) {
                    // A commit-log segment or temporary file the running server removed while we walked.
                }
            }
        }
        return wrong;
    }

    private static List<Path> filesContaining(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path) && contains(Files.readAllBytes(path), needle)) found.add(root.relativize(path));
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /**
     * Rewrites the format version in a storage file's 24-byte header (magic, version, id, CRC32C of
     * the first 20 bytes; FORMAT.md of storage-file), keeping the checksum valid: what a newer
     * Modyn writing a format this one does not know would leave.
     */
    private static void rewriteFormatVersion(Path file, int version) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(24);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // Read the whole header.
            }
            header.putInt(8, version);
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, 20);
            header.putInt(20, (int) crc.getValue());
            channel.write(header.rewind(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
