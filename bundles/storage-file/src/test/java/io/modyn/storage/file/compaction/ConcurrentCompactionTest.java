package io.modyn.storage.file.compaction;

import static io.modyn.storage.file.compaction.Records.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.MergedRecords;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Background compaction while flushes arrive and readers scan the live set: every key is written
 * once, so a reader must always see exactly the keys flushed, never fewer (a lost swap) and never
 * an error (a file deleted under it).
 */
@Timeout(180)
class ConcurrentCompactionTest {

    private static final String KS = "ks";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readersSeeEveryFlushedKeyWhileCompactionsSwapTables(boolean leveled) throws Exception {
        CompactionOptions options = CompactionOptions.defaults().withBytesPerSecond(0)
                .withSizeTiered(new SizeTieredOptions(4, 32, 0.5, 1.5, 0))
                .withLeveled(keyspace -> leveled).withLevels(new LeveledOptions(4, 8 * 1024, 4));
        try (DirectoryCompactionHost host = new DirectoryCompactionHost(directory, SortedTableOptions.defaults().withBlockSize(1024));
                Compactor compactor = new Compactor(host, options)) {
            // Bounds on what a reader may see: keys being flushed count in the upper one before they
            // are live, in the lower one once they are.
            AtomicLong flushing = new AtomicLong();
            AtomicLong flushed = new AtomicLong();
            AtomicLong reads = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Thread reader = new Thread(() -> {
                    try {
                        while (writing.get()) {
                            long before = flushed.get();
                            long seen = count(host);
                            long after = flushing.get();
                            if (seen < before || seen > after) {
                                throw new AssertionError("saw " + seen + " keys with " + before + " to " + after + " flushed");
                            }
                            reads.incrementAndGet();
                            // Leave the two cores mostly to the flushes and compactions.
                            Thread.sleep(5);
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                reader.start();
                readers.add(reader);
            }
            long sequence = 0;
            for (int flush = 0; flush < 40; flush++) {
                List<VersionedRecord> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(put(flush * 50 + i, ++sequence, 60));
                }
                flushing.addAndGet(batch.size());
                host.flush(KS, 0, batch);
                flushed.addAndGet(batch.size());
                compactor.wake(KS);
            }
            assertTrue(compactor.awaitIdle(Duration.ofSeconds(120)));
            writing.set(false);
            for (Thread reader : readers) {
                reader.join();
            }
            assertEquals(List.of(), List.copyOf(errors));
            assertEquals(2000, count(host));
            assertTrue(compactor.compactions() > 0);
            assertTrue(reads.get() > 0);
            assertEquals(0, compactor.failures());
        }
    }

    private static long count(DirectoryCompactionHost host) {
        List<SortedTable> tables = host.retainLiveTables(KS);
        try {
            List<RecordIterator> sources = new ArrayList<>();
            for (SortedTable table : tables) {
                sources.add(table.all());
            }
            long count = 0;
            try (MergedRecords merged = MergedRecords.of(sources, false, true)) {
                while (merged.hasNext()) {
                    merged.next();
                    count++;
                }
            }
            return count;
        } finally {
            tables.forEach(SortedTable::release);
        }
    }
}
