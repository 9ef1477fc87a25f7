package io.modyn.storage.file.sstable;

import static io.modyn.storage.file.sstable.Tables.drain;
import static io.modyn.storage.file.sstable.Tables.key;
import static io.modyn.storage.file.sstable.Tables.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedTableTest {

    @TempDir
    Path directory;

    @Test
    void randomRecordsRoundTripThroughGetAndRangesInBothDirections() throws IOException {
        for (Compression compression : Compression.values()) {
            Random random = new Random(42 + compression.ordinal());
            TreeMap<OrderedKey, VersionedRecord> expected = Tables.random(random, 600, 20_000);
            SortedTableOptions options = SortedTableOptions.defaults().withBlockSize(4096).withCompression(compression);
            SortedTable table = Tables.write(directory, 10 + compression.ordinal(), options, expected.values(), new BlockCache(1 << 20));
            try {
                assertTrue(table.blockCount() > 10, "several blocks: " + table.blockCount());
                for (VersionedRecord record : expected.values()) assertSame(record, table.get(record.key()));
                assertSameList(new ArrayList<>(expected.values()), drain(table.all()));
                assertSameList(new ArrayList<>(expected.values()), drain(table.range(null, true, null, true, false)));
                List<VersionedRecord> reversed = new ArrayList<>(expected.values());
                Collections.reverse(reversed);
                assertSameList(reversed, drain(table.range(null, true, null, true, true)));

                List<OrderedKey> keys = new ArrayList<>(expected.keySet());
                for (int i = 0; i < 300; i++) {
                    // Mostly short ranges, as Query reads them; the whole table was read above.
                    int at = random.nextInt(keys.size());
                    int span = random.nextInt(10) == 0 ? keys.size() : 1 + random.nextInt(100);
                    OrderedKey a = boundNear(random, keys.get(at));
                    OrderedKey b = boundNear(random, keys.get(Math.min(keys.size() - 1, at + random.nextInt(span))));
                    OrderedKey from = a.compareTo(b) <= 0 ? a : b;
                    OrderedKey to = a.compareTo(b) <= 0 ? b : a;
                    boolean fromInclusive = random.nextBoolean();
                    boolean toInclusive = random.nextBoolean();
                    if (random.nextInt(10) == 0) from = null;
                    if (random.nextInt(10) == 0) to = null;
                    NavigableMap<OrderedKey, VersionedRecord> slice = slice(expected, from, fromInclusive, to, toInclusive);
                    assertSameList(new ArrayList<>(slice.values()), drain(table.range(from, fromInclusive, to, toInclusive, false)));
                    assertSameList(new ArrayList<>(slice.descendingMap().values()), drain(table.range(from, fromInclusive, to, toInclusive, true)));
                }
                assertEquals(1, table.references(), "every iterator gave its reference back");
            } finally {
                table.release();
            }
        }
    }

    @Test
    void boundsAreInclusiveOrExclusiveInBothDirections() throws IOException {
        List<VersionedRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) records.add(put("p", "s" + i, i + 1, "v" + i));
        records.sort((x, y) -> x.key().compareTo(y.key()));
        SortedTable table = Tables.write(directory, 1, SortedTableOptions.defaults().withBlockSize(256), records, null);
        try {
            OrderedKey s2 = key("p", "s2");
            OrderedKey s5 = key("p", "s5");
            assertEquals(List.of("s2", "s3", "s4", "s5"), sorts(table, s2, true, s5, true, false));
            assertEquals(List.of("s3", "s4"), sorts(table, s2, false, s5, false, false));
            assertEquals(List.of("s5", "s4", "s3", "s2"), sorts(table, s2, true, s5, true, true));
            assertEquals(List.of("s4", "s3"), sorts(table, s2, false, s5, false, true));
            assertEquals(List.of("s5", "s4", "s3"), sorts(table, s2, false, s5, true, true));
            assertEquals(List.of(), sorts(table, s2, false, s2, false, false));
            assertEquals(List.of("s2"), sorts(table, s2, true, s2, true, true));
            assertEquals(List.of(), sorts(table, s5, true, s2, true, false));
            OrderedKey afterAll = OrderedKey.afterPartition(s2.token(), s2.partition());
            OrderedKey beforeAll = OrderedKey.firstOfPartition(s2.token(), s2.partition());
            assertEquals(10, sorts(table, beforeAll, true, afterAll, false, true).size());
            assertEquals(List.of(), sorts(table, afterAll, true, null, true, false));
            assertEquals(List.of(), sorts(table, null, true, beforeAll, false, true));
        } finally {
            table.release();
        }
    }

    @Test
    void emptyTableHasNoRecordsAndNoKeys() throws IOException {
        SortedTable written = Tables.write(directory, 3, SortedTableOptions.defaults(), List.of(), null);
        written.release();
        SortedTable table = SortedTable.open(directory.resolve(SortedTableFiles.fileName(3)), null);
        try {
            assertEquals(0, table.statistics().recordCount());
            assertNull(table.statistics().minKey());
            assertNull(table.get(key("a", "b")));
            assertFalse(table.mightContain(key("a", "")));
            assertFalse(table.mightContainPartition("a".getBytes()));
            assertEquals(List.of(), drain(table.all()));
            assertEquals(List.of(), drain(table.range(null, true, null, true, true)));
            table.verify();
        } finally {
            table.release();
        }
    }

    @Test
    void reopenedTableHasTheWrittenStatistics() throws IOException {
        List<VersionedRecord> records = new ArrayList<>(List.of(put("a", "1", 7, "x"), put("b", "", 3, "y"),
                VersionedRecord.tombstone(key("c", "2"), 9)));
        records.sort((x, y) -> x.key().compareTo(y.key()));
        SortedTable written = Tables.write(directory, 5, SortedTableOptions.defaults(), records, null);
        TableStatistics before = written.statistics();
        written.release();
        SortedTable table = SortedTable.open(directory.resolve(SortedTableFiles.fileName(5)), null);
        try {
            assertEquals(before, table.statistics());
            assertEquals(3, table.statistics().recordCount());
            assertEquals(1, table.statistics().tombstoneCount());
            assertEquals(3, table.statistics().minSequence());
            assertEquals(9, table.statistics().maxSequence());
            assertEquals(1000, table.statistics().minTimeMillis());
            assertEquals(2000, table.statistics().maxTimeMillis());
            assertEquals(Files.size(table.file()), table.statistics().fileBytes());
            assertEquals(records.get(0).key(), table.statistics().minKey());
            assertEquals(records.get(2).key(), table.statistics().maxKey());
            assertEquals(5, table.generation());
            assertEquals(3, table.partitionCount());
            VersionedRecord tombstone = table.get(key("c", "2"));
            assertTrue(tombstone.isTombstone());
            assertEquals(9, tombstone.sequence());
        } finally {
            table.release();
        }
    }

    @Test
    void recordsLargerThanABlockGetABlockOfTheirOwn() throws IOException {
        Random random = new Random(7);
        TreeMap<OrderedKey, VersionedRecord> records = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            byte[] value = new byte[i % 4 == 0 ? 400_000 + i : 100 + i];
            random.nextBytes(value);
            OrderedKey k = key("big", String.format("%03d", i));
            records.put(k, new VersionedRecord(k, i, value));
        }
        byte[] huge = new byte[16 << 20];
        random.nextBytes(huge);
        records.put(key("huge", ""), new VersionedRecord(key("huge", ""), 99, huge));
        SortedTable table = Tables.write(directory, 8, SortedTableOptions.defaults(), records.values(), new BlockCache(8 << 20));
        try {
            for (VersionedRecord record : records.values()) assertSame(record, table.get(record.key()));
            assertSameList(new ArrayList<>(records.values()), drain(table.all()));
            table.verify();
        } finally {
            table.release();
        }
    }

    @Test
    void bytesWrittenGrowsWithTheDataAndEndsNearTheFileSize() throws IOException {
        TreeMap<OrderedKey, VersionedRecord> records = Tables.random(new Random(9), 300, 5000);
        long previous = 0;
        SortedTable table;
        try (SortedTableWriter writer = SortedTableWriter.create(directory, 12, 0, SortedTableOptions.defaults().withBlockSize(2048), records.size())) {
            assertEquals(TableHeader.SIZE, writer.bytesWritten());
            for (VersionedRecord record : records.values()) {
                writer.append(record);
                assertTrue(writer.bytesWritten() >= previous);
                previous = writer.bytesWritten();
            }
            assertTrue(previous > 10 * 2048, "blocks were written while appending: " + previous);
            table = writer.finish(0, 0, null);
            assertEquals(Files.size(table.file()), writer.bytesWritten());
        }
        table.release();
    }

    @Test
    void keysOutOfOrderAreRefused() throws IOException {
        try (SortedTableWriter writer = SortedTableWriter.create(directory, 4, 0, SortedTableOptions.defaults(), 2)) {
            writer.append(put("a", "2", 1, "x"));
            OrderedKey a2 = key("a", "2");
            VersionedRecord before = a2.compareTo(key("a", "1")) > 0 ? put("a", "1", 1, "y") : put("a", "3", 1, "y");
            assertThrows(IllegalArgumentException.class, () -> writer.append(before));
            assertThrows(IllegalArgumentException.class, () -> writer.append(put("a", "2", 2, "again")));
        }
        assertEquals(List.of(), SortedTableFiles.list(directory), "an abandoned writer leaves no table");
        try (var files = Files.list(directory)) {
            assertEquals(0, files.count(), "nor a temporary file");
        }
    }

    static NavigableMap<OrderedKey, VersionedRecord> slice(NavigableMap<OrderedKey, VersionedRecord> map, OrderedKey from, boolean fromInclusive,
            OrderedKey to, boolean toInclusive) {
        if (from != null && to != null) return map.subMap(from, fromInclusive, to, toInclusive);
        NavigableMap<OrderedKey, VersionedRecord> slice = map;
        if (from != null) slice = slice.tailMap(from, fromInclusive);
        if (to != null) slice = slice.headMap(to, toInclusive);
        return slice;
    }

    /** A key of the table, or one just before or after it, or the first key of its partition. */
    private static OrderedKey boundNear(Random random, OrderedKey k) {
        return switch (random.nextInt(4)) {
            case 0 -> k;
            case 1 -> OrderedKey.firstOfPartition(k.token(), k.partition());
            case 2 -> OrderedKey.afterPartition(k.token(), k.partition());
            default -> new OrderedKey(k.token(), k.partition(), java.util.Arrays.copyOf(k.sort(), k.sort().length + 1));
        };
    }

    private static List<String> sorts(SortedTable table, OrderedKey from, boolean fromInclusive, OrderedKey to, boolean toInclusive, boolean descending) {
        List<String> sorts = new ArrayList<>();
        for (VersionedRecord record : drain(table.range(from, fromInclusive, to, toInclusive, descending))) sorts.add(new String(record.key().sort()));
        return sorts;
    }

    static void assertSame(VersionedRecord expected, VersionedRecord actual) {
        assertEquals(expected.key(), actual.key());
        assertArrayEquals(expected.key().partition(), actual.key().partition());
        assertArrayEquals(expected.key().sort(), actual.key().sort());
        assertEquals(expected.key().token(), actual.key().token());
        assertEquals(expected.sequence(), actual.sequence());
        assertArrayEquals(expected.value(), actual.value());
    }

    static void assertSameList(List<VersionedRecord> expected, List<VersionedRecord> actual) {
        assertEquals(expected.size(), actual.size(), "record count");
        for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), actual.get(i));
    }
}
