package io.modyn.api.storage.contract;

import static io.modyn.api.storage.contract.Records.bytes;
import static io.modyn.api.storage.contract.Records.delete;
import static io.modyn.api.storage.contract.Records.drain;
import static io.modyn.api.storage.contract.Records.get;
import static io.modyn.api.storage.contract.Records.key;
import static io.modyn.api.storage.contract.Records.keys;
import static io.modyn.api.storage.contract.Records.put;
import static io.modyn.api.storage.contract.Records.sortKeys;
import static io.modyn.api.storage.contract.Records.take;
import static io.modyn.api.storage.contract.Records.text;
import static io.modyn.api.storage.contract.Records.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * What every {@link StorageEngine} must do. A backend's test extends this class and supplies a
 * {@link StorageFixture}; the suite then checks keyspaces, point reads and writes, ordered
 * queries, segmented scans, transactions and their locking, and durability across a reopen.
 *
 * <p>Tests that involve concurrency have a time limit so a deadlocked backend fails instead of
 * hanging the build; none of them asserts how long anything takes.
 */
public abstract class StorageEngineContract {

    protected static final String KS = "contract.table";
    protected static final String OTHER = "contract.index-1";

    private StorageFixture fixture;
    protected StorageEngine engine;

    /** A fixture on fresh, empty data. Called once per test. */
    protected abstract StorageFixture newFixture();

    /** How many times each of two threads increments the shared counter. */
    protected int counterIncrements() {
        return 100;
    }

    /** False for a backend whose statistics are estimates (the suite then checks only their sign). */
    protected boolean exactStatistics() {
        return true;
    }

    @BeforeEach
    void openEngine() {
        fixture = newFixture();
        engine = fixture.open();
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) fixture.close(engine);
    }

    /** Closes the engine and opens a new one on the same data. */
    protected void reopen() {
        fixture.close(engine);
        engine = null; // if the reopen fails, there is nothing left for closeEngine to close
        engine = fixture.open();
    }

    private static void assertNotRetryable(Executable action) {
        StorageException e = assertThrows(StorageException.class, action);
        assertFalse(e.retryable(), "a missing keyspace is not a transient failure: " + e);
    }

    @Nested
    class Keyspaces {

        @Test
        void createdKeyspaceExists() {
            assertFalse(engine.keyspaceExists(KS));
            engine.createKeyspace(KS);
            assertTrue(engine.keyspaceExists(KS));
            assertFalse(engine.keyspaceExists(OTHER));
        }

        @Test
        void createIsIdempotentAndKeepsRecords() {
            engine.createKeyspace(KS);
            put(engine, KS, "p", "s", "v");
            engine.createKeyspace(KS);
            assertEquals("v", get(engine, KS, "p", "s"));
        }

        @Test
        void dropIsIdempotent() {
            engine.dropKeyspace(KS);
            engine.createKeyspace(KS);
            engine.dropKeyspace(KS);
            engine.dropKeyspace(KS);
            assertFalse(engine.keyspaceExists(KS));
        }

        @Test
        void recreatedKeyspaceIsEmpty() {
            engine.createKeyspace(KS);
            for (int i = 0; i < 10; i++) put(engine, KS, "p" + i, "s", "v");
            engine.dropKeyspace(KS);
            engine.createKeyspace(KS);
            assertNull(get(engine, KS, "p1", "s"));
            assertEquals(List.of(), drain(engine.scan(KS, 0, 1, null)));
            assertEquals(List.of(), drain(engine.query(KS, utf8("p1"), KeyRange.all(), false)));
        }

        @Test
        void keyspacesAreIndependent() {
            engine.createKeyspace(KS);
            engine.createKeyspace(OTHER);
            put(engine, KS, "p", "s", "in table");
            put(engine, OTHER, "p", "s", "in index");
            engine.dropKeyspace(OTHER);
            assertEquals("in table", get(engine, KS, "p", "s"));
        }

        @Test
        void operationsOnAMissingKeyspaceFail() {
            assertNotRetryable(() -> engine.get(KS, utf8("p"), utf8("s")));
            assertNotRetryable(() -> drain(engine.query(KS, utf8("p"), KeyRange.all(), false)));
            assertNotRetryable(() -> drain(engine.scan(KS, 0, 1, null)));
            assertNotRetryable(() -> engine.statistics(KS));
            assertNotRetryable(() -> put(engine, KS, "p", "s", "v"));
            assertNotRetryable(() -> {
                try (StorageTransaction tx = engine.begin()) {
                    tx.getForUpdate(KS, utf8("p"), utf8("s"));
                    tx.commit();
                }
            });
        }

        @Test
        void writesToADroppedKeyspaceFail() {
            engine.createKeyspace(KS);
            engine.dropKeyspace(KS);
            assertNotRetryable(() -> put(engine, KS, "p", "s", "v"));
            assertFalse(engine.keyspaceExists(KS));
        }
    }

    @Nested
    class PointReadsAndWrites {

        @BeforeEach
        void createKeyspace() {
            engine.createKeyspace(KS);
        }

        @Test
        void putThenGet() {
            put(engine, KS, "p", "s", "v");
            assertEquals("v", get(engine, KS, "p", "s"));
        }

        @Test
        void getOfAnAbsentKeyIsNull() {
            assertNull(get(engine, KS, "p", "s"));
        }

        @Test
        void putOverwrites() {
            put(engine, KS, "p", "s", "one");
            put(engine, KS, "p", "s", "two");
            assertEquals("two", get(engine, KS, "p", "s"));
        }

        @Test
        void deleteRemoves() {
            put(engine, KS, "p", "s", "v");
            delete(engine, KS, "p", "s");
            assertNull(get(engine, KS, "p", "s"));
        }

        @Test
        void deletingAnAbsentKeyIsAllowed() {
            delete(engine, KS, "p", "s");
            assertNull(get(engine, KS, "p", "s"));
        }

        @Test
        void emptySortKeyIsAKeyOfItsOwn() {
            put(engine, KS, "p", "", "no sort key");
            put(engine, KS, "p", "s", "with sort key");
            assertEquals("no sort key", get(engine, KS, "p", ""));
            assertEquals("with sort key", get(engine, KS, "p", "s"));
        }

        @Test
        void partitionAndSortBytesAreNotConcatenated() {
            put(engine, KS, "ab", "c", "first");
            put(engine, KS, "a", "bc", "second");
            assertEquals("first", get(engine, KS, "ab", "c"));
            assertEquals("second", get(engine, KS, "a", "bc"));
        }

        @Test
        void arbitraryBinaryKeysAndValuesRoundTrip() {
            byte[] partition = bytes(0, 0xff, 0x80, 0);
            byte[] sort = bytes(0xff, 0, 0x7f);
            byte[] value = new byte[70_000];
            for (int i = 0; i < value.length; i++) value[i] = (byte) (i * 31);
            put(engine, KS, partition, sort, value);
            assertArrayEquals(value, engine.get(KS, partition.clone(), sort.clone()));
        }

        @Test
        void changingAnArrayAfterPutDoesNotChangeTheRecord() {
            byte[] value = utf8("before");
            byte[] sort = utf8("s");
            put(engine, KS, utf8("p"), sort, value);
            value[0] = 'X';
            sort[0] = 'X';
            assertEquals("before", get(engine, KS, "p", "s"));
        }
    }

    @Nested
    class Queries {

        private final byte[] partition = utf8("p");

        @BeforeEach
        void createRecords() {
            engine.createKeyspace(KS);
            for (String sort : List.of("a", "b", "ba", "bb", "c", "d")) put(engine, KS, "p", sort, "v" + sort);
            // Neighbouring partitions, including one whose bytes extend "p", must never leak in.
            put(engine, KS, "o", "b", "other");
            put(engine, KS, "p\u0000", "b", "other");
            put(engine, KS, "pp", "b", "other");
        }

        private List<String> query(KeyRange range, boolean descending) {
            return sortKeys(drain(engine.query(KS, partition, range, descending)));
        }

        @Test
        void wholePartitionInAscendingOrder() {
            assertEquals(List.of("a", "b", "ba", "bb", "c", "d"), query(KeyRange.all(), false));
        }

        @Test
        void wholePartitionInDescendingOrder() {
            assertEquals(List.of("d", "c", "bb", "ba", "b", "a"), query(KeyRange.all(), true));
        }

        @Test
        void recordsCarryPartitionSortAndValue() {
            List<StorageRecord> records = drain(engine.query(KS, partition, KeyRange.exactly(utf8("c")), false));
            assertEquals(1, records.size());
            assertEquals("p", text(records.get(0).partition()));
            assertEquals("c", text(records.get(0).sort()));
            assertEquals("vc", text(records.get(0).value()));
        }

        @Test
        void inclusiveBounds() {
            assertEquals(List.of("b", "ba", "bb", "c"), query(new KeyRange(utf8("b"), true, utf8("c"), true), false));
        }

        @Test
        void exclusiveBounds() {
            assertEquals(List.of("ba", "bb"), query(new KeyRange(utf8("b"), false, utf8("c"), false), false));
        }

        @Test
        void boundsBetweenKeys() {
            assertEquals(List.of("bb", "c"), query(new KeyRange(utf8("ba0"), true, utf8("c0"), true), false));
        }

        @Test
        void openLowerBound() {
            assertEquals(List.of("a", "b"), query(new KeyRange(null, false, utf8("b"), true), false));
        }

        @Test
        void openUpperBound() {
            assertEquals(List.of("c", "d"), query(new KeyRange(utf8("c"), true, null, false), false));
        }

        @Test
        void prefixRange() {
            assertEquals(List.of("b", "ba", "bb"), query(KeyRange.prefix(utf8("b")), false));
            assertEquals(List.of("bb", "ba", "b"), query(KeyRange.prefix(utf8("b")), true));
        }

        @Test
        void descendingWithBounds() {
            assertEquals(List.of("c", "bb", "ba"), query(new KeyRange(utf8("b"), false, utf8("c"), true), true));
        }

        @Test
        void exactKey() {
            assertEquals(List.of("ba"), query(KeyRange.exactly(utf8("ba")), false));
            assertEquals(List.of(), query(KeyRange.exactly(utf8("bc")), false));
        }

        @Test
        void emptyRanges() {
            assertEquals(List.of(), query(new KeyRange(utf8("c"), true, utf8("b"), true), false));
            assertEquals(List.of(), query(new KeyRange(utf8("c"), true, utf8("b"), true), true));
            assertEquals(List.of(), query(new KeyRange(utf8("c"), false, utf8("c"), true), false));
            assertEquals(List.of(), query(new KeyRange(utf8("e"), true, null, false), false));
        }

        @Test
        void missingPartitionIsEmpty() {
            assertEquals(List.of(), sortKeys(drain(engine.query(KS, utf8("nope"), KeyRange.all(), false))));
        }

        @Test
        void exclusiveStartContinuesInBothDirections() {
            assertEquals(List.of("bb", "c", "d"), query(KeyRange.all().after(utf8("ba")), false));
            assertEquals(List.of("b", "a"), query(KeyRange.all().before(utf8("ba")), true));
            // The start key need not exist any more.
            assertEquals(List.of("c", "d"), query(KeyRange.all().after(utf8("bc")), false));
        }

        @Test
        void sortKeysCompareAsUnsignedBytes() {
            byte[] p = utf8("binary");
            for (int b : new int[] {0xff, 0x00, 0x80, 0x7f}) put(engine, KS, p, bytes(b), utf8("v"));
            put(engine, KS, p, bytes(), utf8("v"));
            List<StorageRecord> records = drain(engine.query(KS, p, KeyRange.all(), false));
            List<Integer> firstBytes = new ArrayList<>();
            for (StorageRecord r : records) firstBytes.add(r.sort().length == 0 ? -1 : r.sort()[0] & 0xff);
            assertEquals(List.of(-1, 0x00, 0x7f, 0x80, 0xff), firstBytes);
        }

        @Test
        void readingPartOfACursorAndClosingIt() {
            assertEquals(List.of("a", "b"), sortKeys(take(engine.query(KS, partition, KeyRange.all(), false), 2)));
        }
    }

    @Nested
    class Scans {

        private final List<StorageKey> written = new ArrayList<>();

        @BeforeEach
        void createRecords() {
            engine.createKeyspace(KS);
            engine.createKeyspace(OTHER);
            // 60 partitions of 1-4 records, committed in batches, spread over the token space.
            for (int p = 0; p < 60; p++) {
                try (StorageTransaction tx = engine.begin()) {
                    for (int s = 0; s <= p % 4; s++) {
                        byte[] partition = utf8("partition-" + p);
                        byte[] sort = bytes(s * 60);
                        tx.put(KS, partition, sort, utf8(p + "/" + s));
                        written.add(new StorageKey(partition, sort));
                    }
                    tx.commit();
                }
            }
            put(engine, OTHER, "partition-1", "x", "in another keyspace");
            written.sort(null);
        }

        @Test
        void fullScanReturnsEveryRecordInKeyOrder() {
            assertEquals(written, keys(drain(engine.scan(KS, 0, 1, null))));
        }

        @Test
        void scanRecordsCarryTheirValues() {
            for (StorageRecord record : drain(engine.scan(KS, 0, 1, null))) {
                String partition = text(record.partition()).substring("partition-".length());
                assertEquals(partition + "/" + (record.sort()[0] & 0xff) / 60, text(record.value()));
            }
        }

        @Test
        void segmentsPartitionTheKeyspaceExactly() {
            for (int total : new int[] {1, 2, 3, 7, 16, 100}) {
                List<StorageKey> union = new ArrayList<>();
                for (int segment = 0; segment < total; segment++) {
                    List<StorageKey> keys = keys(drain(engine.scan(KS, segment, total, null)));
                    for (StorageKey key : keys) {
                        assertEquals(segment, PartitionToken.segmentOf(key.token(), total), key + " in segment " + segment + " of " + total);
                    }
                    union.addAll(keys);
                }
                // Segments are contiguous token ranges in order, so their concatenation is the full scan.
                assertEquals(written, union, "segments of " + total);
            }
        }

        @Test
        void exclusiveStartContinuesAFullScan() {
            assertEquals(written, pagedScan(0, 1, 7));
        }

        @Test
        void exclusiveStartContinuesWithinASegment() {
            List<StorageKey> union = new ArrayList<>();
            for (int segment = 0; segment < 4; segment++) {
                List<StorageKey> paged = pagedScan(segment, 4, 3);
                assertEquals(keys(drain(engine.scan(KS, segment, 4, null))), paged);
                union.addAll(paged);
            }
            assertEquals(written, union);
        }

        @Test
        void exclusiveStartNeedNotExistAnyMore() {
            StorageKey start = written.get(10);
            delete(engine, KS, text(start.partition()), text(start.sort()));
            assertEquals(written.subList(11, written.size()), keys(drain(engine.scan(KS, 0, 1, start))));
        }

        @Test
        void exclusiveStartAtTheLastKeyEndsTheScan() {
            assertEquals(List.of(), drain(engine.scan(KS, 0, 1, written.get(written.size() - 1))));
        }

        @Test
        void exclusiveStartBeyondASegmentYieldsNothingFromIt() {
            StorageKey last = written.get(written.size() - 1);
            for (int segment = 0; segment < PartitionToken.segmentOf(last.token(), 4); segment++) {
                assertEquals(List.of(), drain(engine.scan(KS, segment, 4, last)), "segment " + segment);
            }
        }

        @Test
        void emptyKeyspaceScansEmpty() {
            engine.createKeyspace("contract.empty");
            assertEquals(List.of(), drain(engine.scan("contract.empty", 0, 1, null)));
            assertEquals(List.of(), drain(engine.scan("contract.empty", 2, 3, null)));
        }

        /** Scans in pages of {@code pageSize}, restarting each page after the last key read. */
        private List<StorageKey> pagedScan(int segment, int total, int pageSize) {
            List<StorageKey> all = new ArrayList<>();
            StorageKey start = null;
            while (true) {
                List<StorageRecord> page = take(engine.scan(KS, segment, total, start), pageSize);
                all.addAll(keys(page));
                if (page.size() < pageSize) return all;
                start = key(page.get(page.size() - 1));
            }
        }
    }

    @Nested
    class Transactions {

        @BeforeEach
        void createKeyspaces() {
            engine.createKeyspace(KS);
            engine.createKeyspace(OTHER);
        }

        @Test
        void commitMakesWritesInEveryKeyspaceVisibleTogether() {
            put(engine, KS, "gone", "s", "old");
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KS, utf8("p"), utf8("s"), utf8("base"));
                tx.put(OTHER, utf8("i"), utf8("p"), utf8("index"));
                tx.delete(KS, utf8("gone"), utf8("s"));
                assertNull(get(engine, KS, "p", "s"), "pending writes are invisible");
                assertNull(get(engine, OTHER, "i", "p"));
                assertEquals("old", get(engine, KS, "gone", "s"));
                tx.commit();
            }
            assertEquals("base", get(engine, KS, "p", "s"));
            assertEquals("index", get(engine, OTHER, "i", "p"));
            assertNull(get(engine, KS, "gone", "s"));
        }

        @Test
        void closeWithoutCommitDiscardsEverything() {
            put(engine, KS, "p", "kept", "old");
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KS, utf8("p"), utf8("s"), utf8("v"));
                tx.put(OTHER, utf8("p"), utf8("s"), utf8("v"));
                tx.delete(KS, utf8("p"), utf8("kept"));
            }
            assertNull(get(engine, KS, "p", "s"));
            assertNull(get(engine, OTHER, "p", "s"));
            assertEquals("old", get(engine, KS, "p", "kept"));
        }

        @Test
        void getForUpdateReadsCommittedValue() {
            put(engine, KS, "p", "s", "committed");
            try (StorageTransaction tx = engine.begin()) {
                assertEquals("committed", text(tx.getForUpdate(KS, utf8("p"), utf8("s"))));
                assertNull(tx.getForUpdate(KS, utf8("p"), utf8("absent")));
            }
        }

        @Test
        void getForUpdateSeesOwnPendingWrites() {
            put(engine, KS, "p", "deleted", "committed");
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KS, utf8("p"), utf8("s"), utf8("pending"));
                tx.delete(KS, utf8("p"), utf8("deleted"));
                assertEquals("pending", text(tx.getForUpdate(KS, utf8("p"), utf8("s"))));
                assertNull(tx.getForUpdate(KS, utf8("p"), utf8("deleted")));
            }
        }

        @Test
        void lastWriteToAKeyWins() {
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KS, utf8("p"), utf8("put-then-delete"), utf8("v"));
                tx.delete(KS, utf8("p"), utf8("put-then-delete"));
                tx.delete(KS, utf8("p"), utf8("delete-then-put"));
                tx.put(KS, utf8("p"), utf8("delete-then-put"), utf8("v"));
                tx.put(KS, utf8("p"), utf8("twice"), utf8("one"));
                tx.put(KS, utf8("p"), utf8("twice"), utf8("two"));
                tx.commit();
            }
            assertNull(get(engine, KS, "p", "put-then-delete"));
            assertEquals("v", get(engine, KS, "p", "delete-then-put"));
            assertEquals("two", get(engine, KS, "p", "twice"));
        }

        @Test
        void emptyTransactionCommits() {
            try (StorageTransaction tx = engine.begin()) {
                tx.getForUpdate(KS, utf8("p"), utf8("s"));
                tx.commit();
            }
            put(engine, KS, "p", "s", "lock was released");
            assertEquals("lock was released", get(engine, KS, "p", "s"));
        }

        @Test
        void commitReleasesLocksForTheNextTransaction() {
            for (int i = 0; i < 3; i++) {
                try (StorageTransaction tx = engine.begin()) {
                    tx.getForUpdate(KS, utf8("p"), utf8("s"));
                    tx.put(KS, utf8("p"), utf8("s"), utf8("v" + i));
                    tx.commit();
                }
            }
            assertEquals("v2", get(engine, KS, "p", "s"));
        }
    }

    @Nested
    class Locking {

        private final ExecutorService threads = Executors.newFixedThreadPool(2);

        @BeforeEach
        void createKeyspace() {
            engine.createKeyspace(KS);
        }

        @AfterEach
        void stopThreads() throws InterruptedException {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }

        @Test
        @Timeout(120)
        void concurrentIncrementsNeverLoseAnUpdate() throws Exception {
            put(engine, KS, "counter", "", "0");
            int increments = counterIncrements();
            Callable<Integer> incrementer = () -> {
                int conflicts = 0;
                for (int done = 0; done < increments; ) {
                    try (StorageTransaction tx = engine.begin()) {
                        int value = Integer.parseInt(text(tx.getForUpdate(KS, utf8("counter"), utf8(""))));
                        tx.put(KS, utf8("counter"), utf8(""), utf8(Integer.toString(value + 1)));
                        tx.commit();
                        done++;
                    } catch (StorageConflictException e) {
                        conflicts++;
                    }
                }
                return conflicts;
            };
            Future<Integer> first = threads.submit(incrementer);
            Future<Integer> second = threads.submit(incrementer);
            first.get();
            second.get();
            assertEquals(Integer.toString(2 * increments), get(engine, KS, "counter", ""));
        }

        @Test
        @Timeout(120)
        void aLockedKeyMakesTheSecondTransactionWaitOrFail() throws Exception {
            put(engine, KS, "p", "s", "old");
            try (StorageTransaction first = engine.begin()) {
                first.getForUpdate(KS, utf8("p"), utf8("s"));
                first.put(KS, utf8("p"), utf8("s"), utf8("new"));
                Future<String> second = threads.submit(() -> {
                    try (StorageTransaction tx = engine.begin()) {
                        return text(tx.getForUpdate(KS, utf8("p"), utf8("s")));
                    } catch (StorageConflictException e) {
                        return "conflict";
                    }
                });
                // Give the second transaction a chance to reach the lock; it must not get past it.
                Thread.sleep(200);
                if (second.isDone()) assertEquals("conflict", second.get());
                first.commit();
                String seen = second.get();
                assertTrue(seen.equals("new") || seen.equals("conflict"), "second transaction read " + seen);
            }
        }

        @Test
        @Timeout(120)
        void aWriteLocksTheKeyLikeAReadForUpdate() throws Exception {
            try (StorageTransaction first = engine.begin()) {
                first.put(KS, utf8("p"), utf8("s"), utf8("first"));
                Future<String> second = threads.submit(() -> {
                    try (StorageTransaction tx = engine.begin()) {
                        tx.put(KS, utf8("p"), utf8("s"), utf8("second"));
                        tx.commit();
                        return "committed";
                    } catch (StorageConflictException e) {
                        return "conflict";
                    }
                });
                Thread.sleep(200);
                if (second.isDone()) assertEquals("conflict", second.get());
                first.commit();
                String outcome = second.get();
                assertEquals(outcome.equals("committed") ? "second" : "first", get(engine, KS, "p", "s"));
            }
        }

        @Test
        @Timeout(120)
        void lockCycleIsBrokenByAConflict() throws Exception {
            CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
            Future<String> ab = threads.submit(() -> lockBoth("a", "b", bothHoldOneLock));
            Future<String> ba = threads.submit(() -> lockBoth("b", "a", bothHoldOneLock));
            List<String> outcomes = List.of(ab.get(), ba.get());
            assertTrue(outcomes.contains("conflict"), "a cycle of waits must end in a conflict: " + outcomes);
            // Whatever happened, every lock is free again.
            put(engine, KS, "a", "", "free");
            put(engine, KS, "b", "", "free");
            assertEquals("free", get(engine, KS, "a", ""));
        }

        @Test
        @Timeout(120)
        void transactionsOnDifferentKeysDoNotWaitForEachOther() throws Exception {
            try (StorageTransaction first = engine.begin()) {
                first.getForUpdate(KS, utf8("p"), utf8("one"));
                first.put(KS, utf8("p"), utf8("one"), utf8("v"));
                Future<?> second = threads.submit(() -> put(engine, KS, "p", "two", "v"));
                second.get(60, TimeUnit.SECONDS);
                first.commit();
            }
            assertEquals("v", get(engine, KS, "p", "two"));
        }

        private String lockBoth(String firstKey, String secondKey, CyclicBarrier barrier) throws Exception {
            try (StorageTransaction tx = engine.begin()) {
                tx.getForUpdate(KS, utf8(firstKey), utf8(""));
                barrier.await(60, TimeUnit.SECONDS);
                tx.put(KS, utf8(secondKey), utf8(""), utf8(firstKey + " then " + secondKey));
                tx.commit();
                return "committed";
            } catch (StorageConflictException e) {
                return "conflict";
            }
        }
    }

    /** Commits conditional on a record they do not write ({@link StorageTransaction#requireUnchanged}). */
    @Nested
    class ConditionalCommits {

        private static final String SCHEMA = "contract.schema";
        private final ExecutorService threads = Executors.newSingleThreadExecutor();

        @BeforeEach
        void createKeyspaces() {
            engine.createKeyspace(KS);
            engine.createKeyspace(SCHEMA);
            put(engine, SCHEMA, "table", "", "v1");
        }

        @AfterEach
        void stopThreads() throws InterruptedException {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        }

        @Test
        void commitAppliesTheWritesWhileTheRequiredRecordIsUnchanged() {
            try (StorageTransaction tx = engine.begin()) {
                tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("v1"));
                tx.put(KS, utf8("p"), utf8("s"), utf8("written"));
                tx.commit();
            }
            assertEquals("written", get(engine, KS, "p", "s"));
            assertEquals("v1", get(engine, SCHEMA, "table", ""), "the required record is not written");
        }

        @Test
        void commitAppliesNothingWhenTheRequiredRecordChangedAfterItWasRequired() {
            put(engine, KS, "p", "kept", "old");
            try (StorageTransaction tx = engine.begin()) {
                tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("v1"));
                tx.put(KS, utf8("p"), utf8("s"), utf8("written"));
                tx.delete(KS, utf8("p"), utf8("kept"));
                put(engine, SCHEMA, "table", "", "v2");
                assertThrows(RecordChangedException.class, tx::commit);
            }
            assertNull(get(engine, KS, "p", "s"));
            assertEquals("old", get(engine, KS, "p", "kept"));
            put(engine, KS, "p", "s", "the refused commit released its locks");
            assertEquals("the refused commit released its locks", get(engine, KS, "p", "s"));
        }

        @Test
        void absenceCanBeRequired() {
            try (StorageTransaction tx = engine.begin()) {
                tx.requireUnchanged(SCHEMA, utf8("absent"), utf8(""), null);
                tx.put(KS, utf8("p"), utf8("s"), utf8("written"));
                tx.commit();
            }
            assertEquals("written", get(engine, KS, "p", "s"));
            try (StorageTransaction tx = engine.begin()) {
                tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), null);
                tx.put(KS, utf8("p"), utf8("s"), utf8("second"));
                assertThrows(RecordChangedException.class, tx::commit);
            }
            assertEquals("written", get(engine, KS, "p", "s"));
        }

        @Test
        void requiringOneRecordWithTwoValuesFailsAtOnce() {
            try (StorageTransaction tx = engine.begin()) {
                tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("v1"));
                tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("v1"));
                assertThrows(RecordChangedException.class, () -> tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("v0")));
            }
        }

        @Test
        void aTransactionWithoutWritesCommitsWithoutTheCheck() {
            try (StorageTransaction tx = engine.begin()) {
                tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("stale"));
                tx.getForUpdate(KS, utf8("p"), utf8("s"));
                tx.commit();
            }
        }

        @Test
        @Timeout(120)
        void aCommitRequiringARecordLockedForUpdateWaitsThenSeesTheChange() throws Exception {
            try (StorageTransaction change = engine.begin()) {
                change.getForUpdate(SCHEMA, utf8("table"), utf8(""));
                change.put(SCHEMA, utf8("table"), utf8(""), utf8("v2"));
                Future<String> dependent = threads.submit(() -> {
                    try (StorageTransaction tx = engine.begin()) {
                        tx.requireUnchanged(SCHEMA, utf8("table"), utf8(""), utf8("v1"));
                        tx.put(KS, utf8("p"), utf8("s"), utf8("written"));
                        tx.commit();
                        return "committed";
                    } catch (RecordChangedException e) {
                        return "changed";
                    } catch (StorageConflictException e) {
                        return "conflict";
                    }
                });
                // Give the dependent commit a chance to get past the lock; it must not.
                Thread.sleep(200);
                if (dependent.isDone()) assertEquals("conflict", dependent.get());
                change.commit();
                String outcome = dependent.get();
                assertTrue(outcome.equals("changed") || outcome.equals("conflict"), "the dependent commit " + outcome);
            }
            assertNull(get(engine, KS, "p", "s"));
        }
    }

    @Nested
    class Durability {

        @BeforeEach
        void createKeyspaces() {
            engine.createKeyspace(KS);
            engine.createKeyspace(OTHER);
        }

        @Test
        void committedWritesSurviveAReopen() {
            for (int i = 0; i < 50; i++) put(engine, KS, "p" + (i % 5), "s" + i, "v" + i);
            put(engine, OTHER, "i", "p", "index");
            delete(engine, KS, "p0", "s0");
            put(engine, KS, "p1", "s1", "overwritten");
            List<StorageRecord> before = drain(engine.scan(KS, 0, 1, null));

            reopen();

            assertTrue(engine.keyspaceExists(KS));
            assertTrue(engine.keyspaceExists(OTHER));
            assertNull(get(engine, KS, "p0", "s0"));
            assertEquals("overwritten", get(engine, KS, "p1", "s1"));
            assertEquals("index", get(engine, OTHER, "i", "p"));
            List<StorageRecord> after = drain(engine.scan(KS, 0, 1, null));
            assertEquals(keys(before), keys(after));
            for (int i = 0; i < before.size(); i++) assertArrayEquals(before.get(i).value(), after.get(i).value());
        }

        @Test
        void droppedKeyspaceStaysDropped() {
            put(engine, OTHER, "i", "p", "index");
            engine.dropKeyspace(OTHER);
            reopen();
            assertFalse(engine.keyspaceExists(OTHER));
            engine.createKeyspace(OTHER);
            assertNull(get(engine, OTHER, "i", "p"));
        }

        @Test
        void uncommittedWritesAreNotRecovered() {
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KS, utf8("p"), utf8("s"), utf8("never committed"));
            }
            reopen();
            assertNull(get(engine, KS, "p", "s"));
        }

        @Test
        void multiKeyspaceCommitSurvivesAReopen() {
            try (StorageTransaction tx = engine.begin()) {
                tx.put(KS, utf8("p"), utf8("s"), utf8("base"));
                tx.put(OTHER, utf8("i"), utf8("p"), utf8("index"));
                tx.commit();
            }
            reopen();
            assertEquals("base", get(engine, KS, "p", "s"));
            assertEquals("index", get(engine, OTHER, "i", "p"));
        }

        @Test
        void aReopenedEngineKeepsWorking() {
            put(engine, KS, "p", "s", "one");
            reopen();
            put(engine, KS, "p", "s", "two");
            reopen();
            assertEquals("two", get(engine, KS, "p", "s"));
        }
    }

    @Nested
    class Statistics {

        @BeforeEach
        void createKeyspace() {
            engine.createKeyspace(KS);
        }

        @Test
        void emptyKeyspaceHasNoRecords() {
            KeyspaceStatistics statistics = engine.statistics(KS);
            assertEquals(0, statistics.recordCount());
            assertEquals(0, statistics.sizeBytes());
        }

        @Test
        void statisticsTrackWritesAndDeletes() {
            for (int i = 0; i < 20; i++) put(engine, KS, "p" + i, "s", "value");
            for (int i = 0; i < 5; i++) delete(engine, KS, "p" + i, "s");
            put(engine, KS, "p10", "s", "overwrite");
            KeyspaceStatistics statistics = engine.statistics(KS);
            if (exactStatistics()) {
                assertEquals(15, statistics.recordCount());
                assertTrue(statistics.sizeBytes() >= 15 * "value".length(), "size " + statistics.sizeBytes());
            } else {
                assertTrue(statistics.recordCount() >= 0);
                assertTrue(statistics.sizeBytes() >= 0);
            }
        }

        @Test
        void statisticsAreRecoveredOnReopen() {
            for (int i = 0; i < 12; i++) put(engine, KS, "p" + i, "s", "value");
            KeyspaceStatistics before = engine.statistics(KS);
            reopen();
            KeyspaceStatistics after = engine.statistics(KS);
            if (exactStatistics()) {
                assertEquals(before, after);
            } else {
                assertTrue(after.recordCount() >= 0);
            }
        }

        @Test
        void statisticsOfAKeyspaceAreItsOwn() {
            engine.createKeyspace(OTHER);
            put(engine, OTHER, "p", "s", "v");
            if (exactStatistics()) assertEquals(0, engine.statistics(KS).recordCount());
        }
    }

    /** {@link StorageEngine#copyKeyspaces}: one instant across sources, independent copies. */
    @Nested
    class Copies {

        @BeforeEach
        void createKeyspaces() {
            engine.createKeyspace(KS);
            engine.createKeyspace(OTHER);
        }

        @Test
        void aCopyHoldsTheSourcesRecordsAndNotLaterWrites() {
            for (int i = 0; i < 50; i++) put(engine, KS, "p" + i, "s" + i, "v" + i);
            delete(engine, KS, "p3", "s3");
            engine.copyKeyspaces(java.util.Map.of(KS, "copy.table"));
            put(engine, KS, "p0", "s0", "changed");
            delete(engine, KS, "p1", "s1");
            assertEquals("v0", get(engine, "copy.table", "p0", "s0"));
            assertEquals("v1", get(engine, "copy.table", "p1", "s1"));
            assertNull(get(engine, "copy.table", "p3", "s3"));
            try (var cursor = engine.scan("copy.table", 0, 1, null)) {
                assertEquals(49, drain(cursor).size());
            }
            put(engine, "copy.table", "p2", "s2", "own");
            assertEquals("v2", get(engine, KS, "p2", "s2"));
        }

        @Test
        void aCopySurvivesAReopenAndItsSourcesDrop() {
            put(engine, KS, "p", "s", "kept");
            engine.copyKeyspaces(java.util.Map.of(KS, "copy.table"));
            engine.dropKeyspace(KS);
            reopen();
            assertEquals("kept", get(engine, "copy.table", "p", "s"));
        }

        @Test
        void anExistingTargetOrAMissingSourceIsRefused() {
            engine.createKeyspace("copy.table");
            assertThrows(StorageException.class, () -> engine.copyKeyspaces(java.util.Map.of(KS, "copy.table")));
            assertThrows(io.modyn.api.storage.KeyspaceNotFoundException.class,
                    () -> engine.copyKeyspaces(java.util.Map.of("contract.missing", "copy.other")));
        }

        @Test
        @Timeout(value = 60, unit = TimeUnit.SECONDS)
        void copiesAreOfOneInstantWhileTransactionsWriteBothSources() throws Exception {
            ExecutorService writer = Executors.newSingleThreadExecutor();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            try {
                Future<Integer> writes = writer.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        n++;
                        try (StorageTransaction tx = engine.begin()) {
                            tx.put(KS, utf8("p" + (n % 7)), utf8("s"), utf8(Integer.toString(n)));
                            tx.put(OTHER, utf8("q"), utf8("s"), utf8(Integer.toString(n)));
                            tx.commit();
                        }
                    }
                    return n;
                });
                for (int copy = 0; copy < 5; copy++) {
                    Thread.sleep(20);
                    String table = "copy.t" + copy;
                    String index = "copy.i" + copy;
                    engine.copyKeyspaces(java.util.Map.of(KS, table, OTHER, index));
                    String last = get(engine, index, "q", "s");
                    int highest = 0;
                    for (int p = 0; p < 7; p++) {
                        String value = get(engine, table, "p" + p, "s");
                        if (value != null) highest = Math.max(highest, Integer.parseInt(value));
                    }
                    assertEquals(last == null ? 0 : Integer.parseInt(last), highest, "copy " + copy + " split a transaction");
                }
                stop.set(true);
                assertTrue(writes.get() > 0);
            } finally {
                stop.set(true);
                writer.shutdownNow();
            }
        }
    }

    @Test
    void theEngineHasAName() {
        assertFalse(engine.name().isBlank());
    }
}
