package io.modyn.itests.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modyn.itests.storage.CrashFindings.Property;
import io.modyn.itests.support.ComponentConfigFile;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Crash consistency: the server is killed ({@code kill -9}) at a random instant of a burst of
 * mixed concurrent writes (after a random number of acknowledged writes, plus a random pause),
 * restarted, and checked, round after round on the same tables (each round builds on what the
 * previous one left, so damage found late is found too):
 * every acknowledged write holds its value (or the value of a write in flight at the kill), each
 * counter holds every acknowledged increment and at most the ones in flight, no transaction is
 * half applied, the global index lists exactly the table's items, every item read back is the one
 * written, no request fails while the server runs, and every sorted-table file on disk verifies
 * ({@code bin/modyn-sstable verify}, run while the server is down).
 *
 * <p>The rounds run once for the class; each property is then reported by its own test. The run
 * is reproducible in its choices (kill instants, operations, keys) from the seed it prints:
 * {@value #SEED}. Other knobs: {@value #ROUNDS} (default 50 on file storage, 10 on PostgreSQL, whose
 * crash safety is PostgreSQL's), and {@value #STORAGE_SETTINGS} ({@code name=value,...}, added to
 * {@code conf/io.modyn.storage.file.cfg}; default {@value #DEFAULT_STORAGE_SETTINGS}) to make the
 * engine flush and compact during the rounds.
 */
class CrashConsistencyTest {

    static final String SEED = "modyn.itests.crash.seed";
    static final String ROUNDS = "modyn.itests.crash.rounds";
    static final String STORAGE_SETTINGS = "modyn.itests.crash.storageSettings";

    /**
     * Until the engine's defaults flush during a run this short: a memtable budget and commit-log
     * segments of 1 MB, so the rounds write sorted tables, compact them and recycle segments between
     * kills (names of the log-structured engine's FileStorageConfig; an engine without them ignores them).
     */
    static final String DEFAULT_STORAGE_SETTINGS = "memtableBudgetMB=1,segmentSizeMB=1";

    private static final int WRITERS = 4;
    /**
     * The kill comes once a random number of writes (up to this) has been acknowledged, so every
     * round has load to lose whatever the machine's speed (a freshly started server is slow), or
     * after {@link #LOAD_CAP} if the writes are slower than that; then after a random pause of up to
     * {@link #MAX_JITTER_MILLIS}, so that it falls anywhere in a request, not just after a response.
     */
    private static final int MAX_WRITES_BEFORE_KILL = 200;
    private static final Duration LOAD_CAP = Duration.ofSeconds(3);
    private static final long MAX_JITTER_MILLIS = 30;
    private static final Duration FIRST_WRITE_TIMEOUT = Duration.ofSeconds(60);

    private static final CrashFindings findings = new CrashFindings();
    private static final long seed = Long.getLong(SEED, new SecureRandom().nextLong());
    private static ModynServer server;
    private static Optional<SortedTableVerifier> verifier = Optional.empty();
    private static int tableFilesVerified;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    static void killTheServerRepeatedlyUnderMixedLoad() {
        boolean onFile = StorageBackend.current() == StorageBackend.FILE;
        int rounds = Integer.getInteger(ROUNDS, onFile ? 50 : 10);
        System.out.println("[crash] seed " + seed + ", " + rounds + " rounds (replay: -D" + SEED + "=" + seed + ")");
        long started = System.nanoTime();
        server = ModynServer.start("crash-consistency");
        Map<String, String> settings = ComponentConfigFile.parse(System.getProperty(STORAGE_SETTINGS, DEFAULT_STORAGE_SETTINGS));
        if (onFile && !settings.isEmpty()) {
            server.stop();
            ComponentConfigFile.append(server, ComponentConfigFile.FILE_STORAGE, settings);
            server.restart();
        }
        verifier = onFile ? SortedTableVerifier.of(server.home()) : Optional.empty();
        CrashTables tables;
        try (DynamoDbClient setup = DynamoDbClients.create(server)) {
            tables = CrashTables.create(setup);
        }
        Acknowledgements expected = Acknowledgements.none(tables);
        SplittableRandom random = new SplittableRandom(seed);
        Set<Path> verified = new HashSet<>();
        for (int round = 1; round <= rounds; round++) {
            try {
                crashRound(round, round == rounds, random.nextInt(1, MAX_WRITES_BEFORE_KILL + 1),
                        random.nextLong(0, MAX_JITTER_MILLIS + 1), random.nextLong(), tables, expected, verified);
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " of seed " + seed + " (replay: -D" + SEED + "=" + seed + "): " + e.getMessage(), e);
            }
        }
        System.out.printf("[crash] %d rounds in %d s, %d table files verified, %d violations%n", rounds,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), tableFilesVerified, findings.total());
    }

    /** One burst of load, a kill, the table files verified, a restart, the state checked. */
    private static void crashRound(int round, boolean last, int writesBeforeKill, long jitterMillis, long loadSeed,
                                   CrashTables tables, Acknowledgements expected, Set<Path> verified) {
        MixedLoad load;
        long killedAt;
        long loadMillis;
        // No retries: a writer whose server died must fail, not wait for the restart.
        try (DynamoDbClient dynamo = DynamoDbClients.withoutRetries(server)) {
            load = MixedLoad.start(dynamo, tables, expected, round, loadSeed, WRITERS);
            if (load.awaitAcknowledged(1, FIRST_WRITE_TIMEOUT) == 0) {
                findings.add(Property.REQUESTS_WHILE_UP, round, List.of("no write acknowledged within "
                        + FIRST_WRITE_TIMEOUT.toSeconds() + " s of the load's start"));
            }
            long loadStarted = System.nanoTime();
            load.awaitAcknowledged(writesBeforeKill, LOAD_CAP);
            sleep(jitterMillis);
            loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStarted);
            killedAt = System.nanoTime();
            assertEquals(137, server.kill(), "exit code of a process killed by SIGKILL (128 + 9)");
            load.close();
        }
        findings.add(Property.REQUESTS_WHILE_UP, round, load.failuresBefore(killedAt).stream()
                .map(failure -> failure.error().toString()).toList());
        int files = verifyTableFiles(round, last, verified);

        long restarting = System.nanoTime();
        server.restart();
        long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting);
        long inFlight = expected.items().inFlightCount() + expected.transactions().inFlightCount() + expected.counters().inFlightCount();
        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            StoredState.read(dynamo, tables).check(expected, round, findings);
        }
        System.out.printf("[crash] round %d: killed %d ms after the first acknowledged write, %d writes acknowledged (aim %d),"
                        + " %d in flight, %d table files verified, restart %d ms, %d violations so far%n", round, loadMillis,
                load.acknowledgedCount(), writesBeforeKill, inFlight, files, restartMillis, findings.total());
    }

    /** Verifies the table files written since the last round (they are immutable), and every one in the last round. */
    private static int verifyTableFiles(int round, boolean last, Set<Path> verified) {
        if (verifier.isEmpty()) return 0;
        List<Path> files = new ArrayList<>(SortedTableVerifier.tableFiles(server.dataDir()));
        if (!last) files.removeAll(verified);
        findings.add(Property.TABLE_FILES, round, verifier.get().verify(files));
        verified.addAll(files);
        tableFilesVerified += files.size();
        return files.size();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void everyAcknowledgedWriteHoldsItsValueAfterEachKill() {
        assertClean(Property.ACKNOWLEDGED_WRITES);
    }

    @Test
    void countersHoldEveryAcknowledgedIncrementAndAtMostTheOnesInFlight() {
        assertClean(Property.COUNTERS);
    }

    @Test
    void noTransactionIsHalfApplied() {
        assertClean(Property.TRANSACTIONS);
    }

    @Test
    void theGlobalIndexListsExactlyTheTablesItems() {
        assertClean(Property.GLOBAL_INDEX);
    }

    @Test
    void everyItemReadBackIsTheItemWritten() {
        assertClean(Property.ITEM_CONTENT);
    }

    @Test
    void everyRequestSucceedsWhileTheServerRuns() {
        assertClean(Property.REQUESTS_WHILE_UP);
    }

    @Test
    void everySortedTableFileVerifiesAfterEachKill() {
        assumeTrue(StorageBackend.current() == StorageBackend.FILE, "sorted-table files are file storage's");
        assertTrue(verifier.isPresent(), SortedTableVerifier.TOOL + " is missing from the distribution: the table files were not verified");
        assertTrue(tableFilesVerified > 0, "no sorted-table file was written during the rounds, so none was verified:"
                + " give the engine a memtable budget small enough to flush with -D" + STORAGE_SETTINGS + "=name=value,...");
        assertClean(Property.TABLE_FILES);
    }

    private static void assertClean(Property property) {
        assertEquals(0, findings.count(property), () -> findings.report(property) + "\n(seed " + seed + ", replay: -D" + SEED + "=" + seed + ")");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
