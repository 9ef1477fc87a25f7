package io.modyn.storage.file.sstable;

import static io.modyn.storage.file.sstable.Tables.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References, obsolete files, file names and permissions, concurrent readers. */
class TableLifecycleTest {

    @TempDir
    Path directory;

    private SortedTable small(long generation) throws IOException {
        return Tables.write(directory, generation, SortedTableOptions.defaults().withBlockSize(256),
                List.of(put("a", "1", 1, "x".repeat(200)), put("a", "2", 2, "y".repeat(200)), put("a", "3", 3, "z".repeat(200))), null);
    }

    @Test
    void anObsoleteTableIsDeletedWhenItsLastReaderReleasesIt() throws IOException {
        SortedTable table = small(1);
        RecordIterator reading = table.range(null, true, null, true, false);
        assertTrue(reading.hasNext());
        table.markObsolete();
        table.release();
        assertTrue(Files.exists(table.file()), "an iterator still reads it");
        List<String> values = new ArrayList<>();
        while (reading.hasNext()) values.add(new String(reading.next().value()).substring(0, 1));
        assertEquals(List.of("x", "y", "z"), values, "blocks read after the table went obsolete");
        reading.close();
        assertFalse(Files.exists(table.file()));
        assertFalse(table.retain(), "a closed table cannot be retained again");
        assertThrows(IllegalStateException.class, () -> table.range(null, true, null, true, false));
    }

    @Test
    void aTableMarkedObsoleteAfterItsLastReleaseIsDeletedAtOnce() throws IOException {
        SortedTable table = small(2);
        table.release();
        assertTrue(Files.exists(table.file()), "closed, not obsolete: the file stays");
        table.markObsolete();
        assertFalse(Files.exists(table.file()));
    }

    @Test
    void retainAndReleaseCount() throws IOException {
        SortedTable table = small(3);
        assertTrue(table.retain());
        assertTrue(table.retain());
        assertEquals(3, table.references());
        table.release();
        table.release();
        table.markObsolete();
        assertTrue(Files.exists(table.file()));
        table.release();
        assertFalse(Files.exists(table.file()));
        assertThrows(IllegalStateException.class, table::release);
    }

    @Test
    void closingAnIteratorTwiceReleasesOnce() throws IOException {
        SortedTable table = small(4);
        RecordIterator iterator = table.all();
        iterator.close();
        iterator.close();
        assertEquals(1, table.references());
        table.release();
    }

    @Test
    void fileNamesCarryTheGeneration() throws IOException {
        assertEquals("00000000000000000042.sst", SortedTableFiles.fileName(42));
        assertEquals(42, SortedTableFiles.generationOf(Path.of("x", "00000000000000000042.sst")));
        assertThrows(IllegalArgumentException.class, () -> SortedTableFiles.generationOf(Path.of("42.sst.tmp")));
        assertThrows(IllegalArgumentException.class, () -> SortedTableFiles.generationOf(Path.of("abc.sst")));
        small(7).release();
        small(5).release();
        Files.writeString(directory.resolve("notes.sst"), "not a table");
        assertEquals(List.of(directory.resolve(SortedTableFiles.fileName(5)), directory.resolve(SortedTableFiles.fileName(7))),
                SortedTableFiles.list(directory));
        assertEquals(List.of(), SortedTableFiles.list(directory.resolve("absent")));
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> SortedTableWriter.create(directory, 5, 0, SortedTableOptions.defaults(), 1));
    }

    @Test
    void tableFilesAndTheirDirectoryAreOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path tables = directory.resolve("tables").resolve("3");
        SortedTableWriter writer = SortedTableWriter.create(tables, 1, 0, SortedTableOptions.defaults(), 1);
        writer.append(put("a", "", 1, "v"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tables.resolve(SortedTableFiles.temporaryName(1)))));
        SortedTable table = writer.finish(0, 0, null);
        writer.close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(table.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tables)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tables.getParent())));
        table.release();
    }

    /** FileChannel closes itself for everyone when a reading thread is interrupted; the table reopens it. */
    @Test
    void anInterruptedReaderDoesNotBreakTheTableForOthers() throws Exception {
        SortedTable table = small(6);
        try {
            Thread.currentThread().interrupt();
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> table.get(Tables.key("a", "1")));
            assertTrue(e.getCause() instanceof java.io.InterruptedIOException, e.toString());
            assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
            assertEquals(3, Tables.drain(table.all()).size());
            assertEquals(2, table.get(Tables.key("a", "2")).sequence());
        } finally {
            Thread.interrupted();
            table.release();
        }
    }

    /**
     * Readers retain and release while the table is marked obsolete and its owner lets go: every
     * reader that got a reference reads the whole table, and the file goes with the last one.
     */
    @Test
    void readersRacingTheLastReleaseNeverLoseTheFile() throws Exception {
        for (int round = 0; round < 20; round++) {
            SortedTable table = small(100 + round);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            try {
                List<Future<?>> readers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    readers.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            if (!table.retain()) {
                                refused.incrementAndGet();
                                return null;
                            }
                            try {
                                assertEquals(3, Tables.drain(table.all()).size());
                            } finally {
                                table.release();
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(round % 5);
                table.markObsolete();
                table.release();
                for (Future<?> reader : readers) reader.get();
            } finally {
                pool.shutdownNow();
            }
            assertFalse(Files.exists(table.file()), "round " + round);
            assertFalse(table.retain());
        }
    }

    @Test
    void concurrentReadersSeeEveryRecord() throws Exception {
        TreeMap<OrderedKey, VersionedRecord> records = Tables.random(new Random(3), 400, 5000);
        SortedTable table = Tables.write(directory, 9, SortedTableOptions.defaults().withBlockSize(2048), records.values(), new BlockCache(256 * 1024));
        List<VersionedRecord> all = new ArrayList<>(records.values());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 3000; i++) {
                        VersionedRecord expected = all.get(random.nextInt(all.size()));
                        SortedTableTest.assertSame(expected, table.get(expected.key()));
                    }
                    if (seed % 2 == 0) SortedTableTest.assertSameList(all, Tables.drain(table.range(null, true, null, true, false)));
                    return null;
                }));
            }
            for (Future<?> reader : readers) reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, table.references());
        table.release();
    }
}
