package io.modyn.itests.storage;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bounded memory on file storage: a server with a small heap ({@value #JAVA_OPTS}, default
 * {@code -Xmx256m}) takes far more data than its heap (default 2 GB of items of 1 to 400 KB,
 * through PutItem and BatchWriteItem from several threads), is restarted, and reads every item
 * back (GetItem, every byte compared with the regenerated content), then every partition (Query)
 * and both tables (parallel Scan); its resident memory, sampled throughout from
 * {@code /proc/<pid>/status}, stays under the limit (default 600 MB), it never runs out of memory
 * and every item is intact.
 *
 * <p>The engine of format 1, which kept every record in the heap, died of OutOfMemoryError after
 * some 230 MB with the defaults; the log-structured engine keeps memtables and the block cache within
 * budgets of the heap and reads the rest from sorted tables. Knobs: {@value #MEGABYTES} (data volume), {@value #JAVA_OPTS},
 * {@value #RSS_LIMIT}, {@value #SEED} (content).
 */
class BoundedMemoryTest {

    static final String MEGABYTES = "modyn.itests.memory.megabytes";
    static final String JAVA_OPTS = "modyn.itests.memory.javaOpts";
    static final String RSS_LIMIT = "modyn.itests.memory.rssLimitMegabytes";
    static final String SEED = "modyn.itests.memory.seed";

    private static final int THREADS = 4;
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(20);
    private static final double MB = 1024 * 1024;

    private final long rssLimitMegabytes = Long.getLong(RSS_LIMIT, 600);
    private final BlobCorpus corpus = BlobCorpus.of(Long.getLong(SEED, 12), Long.getLong(MEGABYTES, 2048) * 1024 * 1024);
    private final List<String> damaged = new CopyOnWriteArrayList<>();
    /** Payload bytes acknowledged so far in the load phase: how far an engine that runs out of memory got. */
    private final AtomicLong loaded = new AtomicLong();
    private final List<ResidentMemorySampler> samplers = new ArrayList<>();
    private final List<Long> highWaterMarks = new ArrayList<>();
    private ModynServer server;
    private final String[] tables = new String[2];

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void residentMemoryStaysBoundedWhileDataFarLargerThanTheHeapIsWrittenAndReadBack() throws Exception {
        assumeTrue(StorageBackend.current() == StorageBackend.FILE, "bounded memory is the embedded file engine's property");
        String javaOpts = System.getProperty(JAVA_OPTS, "-Xmx256m");
        System.out.printf("[memory] %d items, %.0f MB, JAVA_OPTS=%s, RSS limit %d MB, seed %d%n",
                corpus.count(), corpus.bytes() / MB, javaOpts, rssLimitMegabytes, corpus.seed());
        server = ModynServer.startWithEnvironment("bounded-memory", Map.of("JAVA_OPTS", javaOpts));
        sample();
        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            tables[0] = TestTables.createHashRangeTable(dynamo, "memory-put", ScalarAttributeType.S, ScalarAttributeType.N);
            tables[1] = TestTables.createHashRangeTable(dynamo, "memory-batch", ScalarAttributeType.S, ScalarAttributeType.N);
            phase("load", corpus.bytes(), () -> load(dynamo));
        }

        highWaterMarks.add(samplers.get(0).highWaterMarkMegabytes());
        long stopping = System.nanoTime();
        server.stop();
        long restarting = System.nanoTime();
        server.restart();
        System.out.printf("[memory] stop %d ms, restart %d ms (until serving)%n",
                millisBetween(stopping, restarting), millisBetween(restarting, System.nanoTime()));
        sample();

        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            phase("GetItem", corpus.bytes(), () -> getEveryItem(dynamo));
            phase("Query", corpus.bytes(), () -> queryEveryPartition(dynamo));
            phase("Scan", corpus.bytes(), () -> scanBothTables(dynamo));
        }
        highWaterMarks.add(samplers.get(1).highWaterMarkMegabytes());

        long peak = samplers.stream().mapToLong(ResidentMemorySampler::peakMegabytes).max().orElse(0);
        long highWaterMark = highWaterMarks.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("[memory] peak VmRSS %d MB (%d samples), VmHWM %s MB, data directory %.0f MB%n", peak,
                samplers.stream().mapToLong(ResidentMemorySampler::sampleCount).sum(), highWaterMarks, directorySize() / MB);
        assertAll(
                () -> assertTrue(peak < rssLimitMegabytes, "peak VmRSS " + peak + " MB, limit " + rssLimitMegabytes + " MB"),
                () -> assertTrue(highWaterMark < rssLimitMegabytes, "VmHWM " + highWaterMarks + " MB, limit " + rssLimitMegabytes + " MB"),
                () -> assertFalse(logMentionsOutOfMemory(), "the server log mentions OutOfMemoryError"),
                () -> assertEquals(List.of(), damaged.subList(0, Math.min(20, damaged.size())),
                        damaged.size() + " items missing or damaged; the first ones"));
    }

    @AfterEach
    void removeTheServerAndItsData() {
        samplers.forEach(ResidentMemorySampler::close);
        if (server == null) return;
        server.close();
        server.deleteDataDirectory();
    }

    private void load(DynamoDbClient dynamo) throws InterruptedException {
        AtomicInteger nextBlock = new AtomicInteger();
        runOnThreads("load", worker -> {
            for (int first = nextBlock.getAndIncrement() * BlobCorpus.BATCH; first < corpus.count();
                 first = nextBlock.getAndIncrement() * BlobCorpus.BATCH) {
                int end = Math.min(first + BlobCorpus.BATCH, corpus.count());
                if (BlobCorpus.table(first) == 0) {
                    for (int item = first; item < end; item++) {
                        Map<String, AttributeValue> written = corpus.item(item);
                        dynamo.putItem(put -> put.tableName(tables[0]).item(written));
                        loaded.addAndGet(BlobCorpus.size(corpus.seed(), item));
                    }
                } else {
                    batchWrite(dynamo, first, end);
                }
            }
        });
    }

    /** One BatchWriteItem for items first to end (exclusive), sending unprocessed items again until none is left. */
    private void batchWrite(DynamoDbClient dynamo, int first, int end) {
        List<WriteRequest> requests = new ArrayList<>();
        for (int item = first; item < end; item++) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(corpus.item(item)).build()).build());
        }
        Map<String, List<WriteRequest>> unprocessed = Map.of(tables[1], requests);
        for (int attempt = 1; !unprocessed.isEmpty(); attempt++) {
            if (attempt > 50) throw new AssertionError("items " + first + " to " + end + " still unprocessed after 50 attempts");
            Map<String, List<WriteRequest>> sent = unprocessed;
            unprocessed = dynamo.batchWriteItem(batch -> batch.requestItems(sent)).unprocessedItems();
        }
        for (int item = first; item < end; item++) loaded.addAndGet(BlobCorpus.size(corpus.seed(), item));
    }

    private void getEveryItem(DynamoDbClient dynamo) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        runOnThreads("GetItem", worker -> {
            for (int item = next.getAndIncrement(); item < corpus.count(); item = next.getAndIncrement()) {
                int number = item;
                Map<String, AttributeValue> read = dynamo.getItem(get -> get.tableName(tables[BlobCorpus.table(number)])
                        .key(BlobCorpus.key(number)).consistentRead(true)).item();
                check(number, read, "GetItem");
            }
        });
    }

    /** Every partition of both tables, page by page: each lists exactly its items, each intact. */
    private void queryEveryPartition(DynamoDbClient dynamo) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        runOnThreads("Query", worker -> {
            for (int job = next.getAndIncrement(); job < 2 * BlobCorpus.PARTITIONS; job = next.getAndIncrement()) {
                int table = job / BlobCorpus.PARTITIONS;
                String partition = "p" + job % BlobCorpus.PARTITIONS;
                BitSet seen = new BitSet(corpus.count());
                dynamo.queryPaginator(query -> query.tableName(tables[table]).consistentRead(true)
                                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition))))
                        .items().forEach(item -> seen.set(checkListed(item, table, "Query " + partition)));
                for (int item = 0; item < corpus.count(); item++) {
                    boolean expected = BlobCorpus.table(item) == table && BlobCorpus.partition(item).equals(partition);
                    if (expected && !seen.get(item)) damaged.add("Query " + partition + " of table " + table + " misses item " + item);
                }
            }
        });
    }

    /** Both tables by a parallel Scan (one segment a thread): every item exactly once, each intact. */
    private void scanBothTables(DynamoDbClient dynamo) throws InterruptedException {
        for (int table = 0; table < 2; table++) {
            int scanned = table;
            AtomicLong[] listings = new AtomicLong[corpus.count()];
            Arrays.setAll(listings, item -> new AtomicLong());
            runOnThreads("Scan", segment -> dynamo.scanPaginator(scan -> scan.tableName(tables[scanned]).consistentRead(true)
                            .segment(segment).totalSegments(THREADS))
                    .items().forEach(item -> listings[checkListed(item, scanned, "Scan")].incrementAndGet()));
            for (int item = 0; item < corpus.count(); item++) {
                long expected = BlobCorpus.table(item) == table ? 1 : 0;
                if (listings[item].get() != expected) {
                    damaged.add("Scan of table " + table + " lists item " + item + " " + listings[item].get() + " times");
                }
            }
        }
    }

    /** Checks an item a Query or Scan listed, and returns its number. */
    private int checkListed(Map<String, AttributeValue> read, int table, String what) {
        int item = Integer.parseInt(read.get("sk").n());
        if (item < 0 || item >= corpus.count() || BlobCorpus.table(item) != table) {
            throw new AssertionError(what + " of table " + table + " lists an item never written there: " + read.get("sk"));
        }
        check(item, read, what);
        return item;
    }

    private void check(int item, Map<String, AttributeValue> read, String what) {
        if (read == null || read.isEmpty()) {
            damaged.add(what + ": item " + item + " missing");
        } else if (!read.equals(corpus.item(item))) {
            AttributeValue data = read.get("data");
            damaged.add(what + ": item " + item + " differs (" + (data == null ? "no data" : data.b().asByteArrayUnsafe().length + " bytes")
                    + " read, " + BlobCorpus.size(corpus.seed(), item) + " written)");
        }
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    /** Runs a phase and prints its throughput and the server's peak resident memory so far. */
    private void phase(String name, long bytes, Phase phase) throws Exception {
        long started = System.nanoTime();
        phase.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[memory] %s: %.0f MB in %.1f s = %.1f MB/s; peak VmRSS so far %d MB%n", name, bytes / MB, seconds,
                bytes / MB / seconds, samplers.get(samplers.size() - 1).peakMegabytes());
    }

    /** Runs {@code work} on {@link #THREADS} threads; a failure (such as the server dying of OutOfMemoryError) ends the test. */
    private void runOnThreads(String phase, ConcurrentWorkers.Work work) throws InterruptedException {
        List<Throwable> failures = ConcurrentWorkers.run(THREADS, PHASE_TIMEOUT, work);
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(phase + " failed on " + failures.size() + " thread(s); server "
                    + (server.isRunning() ? "running" : "exited") + (logMentionsOutOfMemory() ? " after an OutOfMemoryError" : "")
                    + ", peak VmRSS " + samplers.get(samplers.size() - 1).peakMegabytes() + " MB, "
                    + Math.round(loaded.get() / MB) + " of " + Math.round(corpus.bytes() / MB) + " MB loaded. Server log:\n" + server.logTail(),
                    failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void sample() {
        samplers.forEach(ResidentMemorySampler::close);
        samplers.add(ResidentMemorySampler.start(server.processHandle().pid()));
    }

    private boolean logMentionsOutOfMemory() {
        try {
            return Files.readString(server.log(), StandardCharsets.UTF_8).contains("OutOfMemoryError");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long directorySize() throws IOException {
        try (var files = Files.walk(server.dataDir())) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static long millisBetween(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
