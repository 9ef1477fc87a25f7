package io.modyn.storage.file.sstable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden sorted tables of format version 2 (FORMAT.md, "Sorted tables"), kept in
 * {@code src/test/resources/golden/v2/tables/}: every later version must read them with exactly
 * these records, and the writer must still produce the uncompressed one byte for byte until the
 * format version changes. {@link #records()} is the documented input; {@link #main} wrote the
 * files.
 *
 * <ul>
 *   <li>{@code 00000000000000000007.sst}: the input with LZ4 blocks of 256 bytes, level 1.</li>
 *   <li>{@code 00000000000000000008.sst}: the same, uncompressed (the LZ4 library's output may
 *       change between its versions; the layout around it may not).</li>
 * </ul>
 */
class GoldenTableTest {

    private static final String GOLDEN = "golden/v2/tables/";
    static final long MIN_TIME = 1_700_000_000_000L;
    static final long MAX_TIME = 1_700_000_060_000L;

    @TempDir
    Path directory;

    private static OrderedKey key(String partition, String sort) {
        return OrderedKey.of(partition.getBytes(StandardCharsets.UTF_8), sort.getBytes(StandardCharsets.UTF_8));
    }

    private static long sequence(long segment, long offset) {
        return Sequence.of(new CommitLogPosition(segment, offset));
    }

    /**
     * The input: alice with two sort keys (the second a tombstone), bob without a sort key and a
     * binary value, carol with 20 items whose values repeat attribute names (so LZ4 shrinks
     * their blocks), in key order.
     */
    static List<VersionedRecord> records() {
        TreeMap<OrderedKey, VersionedRecord> records = new TreeMap<>();
        records.put(key("alice", "2024-01"), new VersionedRecord(key("alice", "2024-01"), sequence(1, 24), "first".getBytes(StandardCharsets.UTF_8)));
        records.put(key("alice", "2024-02"), VersionedRecord.tombstone(key("alice", "2024-02"), sequence(2, 100)));
        records.put(key("bob", ""), new VersionedRecord(key("bob", ""), sequence(1, 60), new byte[] {0, 1, 2, (byte) 0xff}));
        for (int i = 0; i < 20; i++) {
            OrderedKey k = key("carol", String.format("n%02d", i));
            String value = "{\"name\":\"carol\",\"count\":" + i + ",\"name2\":\"carol\",\"count2\":" + i + "}";
            records.put(k, new VersionedRecord(k, sequence(3, 1000 + i), value.getBytes(StandardCharsets.UTF_8)));
        }
        return new ArrayList<>(records.values());
    }

    static SortedTable write(Path directory, long generation, Compression compression) throws IOException {
        List<VersionedRecord> records = records();
        SortedTableOptions options = new SortedTableOptions(256, compression, 10);
        try (SortedTableWriter writer = SortedTableWriter.create(directory, generation, 1, options, records.size())) {
            for (VersionedRecord record : records) writer.append(record);
            return writer.finish(MIN_TIME, MAX_TIME, null);
        }
    }

    /** Writes the golden files into the directory given (src/test/resources/golden/v2/tables). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        write(target, 7, Compression.LZ4).release();
        write(target, 8, Compression.NONE).release();
    }

    private Path golden(long generation) throws IOException {
        String name = SortedTableFiles.fileName(generation);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN + name)) {
            return Files.write(directory.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void goldenTablesReadWithTheirExactRecords() throws IOException {
        for (long generation : new long[] {7, 8}) {
            SortedTable table = SortedTable.open(golden(generation), null);
            try {
                table.verify();
                SortedTableTest.assertSameList(records(), Tables.drain(table.all()));
                List<VersionedRecord> reversed = new ArrayList<>(records());
                java.util.Collections.reverse(reversed);
                SortedTableTest.assertSameList(reversed, Tables.drain(table.range(null, true, null, true, true)));
                for (VersionedRecord record : records()) SortedTableTest.assertSame(record, table.get(record.key()));
                assertNull(table.get(key("alice", "2024-03")));
                TableStatistics statistics = table.statistics();
                assertEquals(generation, table.generation());
                assertEquals(1, table.level());
                assertEquals(23, statistics.recordCount());
                assertEquals(1, statistics.tombstoneCount());
                assertEquals(3, table.partitionCount());
                assertEquals(sequence(1, 24), statistics.minSequence());
                assertEquals(sequence(3, 1019), statistics.maxSequence());
                assertEquals(MIN_TIME, statistics.minTimeMillis());
                assertEquals(MAX_TIME, statistics.maxTimeMillis());
                assertEquals(records().get(0).key(), statistics.minKey());
                assertEquals(records().get(22).key(), statistics.maxKey());
                assertTrue(table.blockCount() > 3, "several blocks: " + table.blockCount());
            } finally {
                table.release();
            }
        }
    }

    @Test
    void theWriterStillWritesTheUncompressedGoldenTableByteForByte() throws IOException {
        byte[] golden = Files.readAllBytes(golden(8));
        Path fresh = directory.resolve("fresh");
        write(fresh, 8, Compression.NONE).release();
        assertArrayEquals(golden, Files.readAllBytes(fresh.resolve(SortedTableFiles.fileName(8))));
    }

    @Test
    void theLz4GoldenTableHasCompressedBlocks() throws IOException {
        Path file = golden(7);
        byte[] bytes = Files.readAllBytes(file);
        SortedTable table = SortedTable.open(file, null);
        int compressed = 0;
        try {
            for (int block = 0; block < table.blockCount(); block++) {
                if (bytes[(int) table.blockOffset(block)] == Compression.LZ4.id()) compressed++;
            }
        } finally {
            table.release();
        }
        assertTrue(compressed > 0, "some blocks are LZ4");
        assertTrue(bytes.length < Files.size(golden(8)), "LZ4 made the table smaller");
    }
}
