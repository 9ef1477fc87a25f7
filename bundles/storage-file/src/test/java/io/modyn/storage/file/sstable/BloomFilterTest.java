package io.modyn.storage.file.sstable;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BloomFilterTest {

    @TempDir
    Path directory;

    /** The false-positive rate of a filter with k hashes and b bits per entry: (1 - e^(-k/b))^k. */
    private static double theoretical(double bitsPerEntry, int bitsPerKey) {
        int k = (int) Math.max(1, Math.round(bitsPerKey * Math.log(2)));
        return Math.pow(1 - Math.exp(-k / bitsPerEntry), k);
    }

    @Test
    void falsePositivesStayNearTheConfiguredRate() {
        for (int entries : new int[] {1000, 20_000, 100_000}) {
            BloomFilter filter = BloomFilter.sized(2L * entries, 10);
            for (int i = 0; i < entries; i++) filter.add(BloomFilter.recordHash(OrderedKey.of(("p" + i).getBytes(), "s".getBytes())));
            filter.fold(entries, 10);
            double bitsPerEntry = (double) filter.bitCount() / entries;
            assertTrue(bitsPerEntry >= 10 && bitsPerEntry < 20, "folded to " + bitsPerEntry + " bits per entry");
            for (int i = 0; i < entries; i++) {
                assertTrue(filter.mightContain(BloomFilter.recordHash(OrderedKey.of(("p" + i).getBytes(), "s".getBytes()))), "no false negative");
            }
            int positives = 0;
            int probes = 200_000;
            for (int i = 0; i < probes; i++) {
                if (filter.mightContain(BloomFilter.recordHash(OrderedKey.of(("q" + i).getBytes(), "s".getBytes())))) positives++;
            }
            double rate = (double) positives / probes;
            double expected = theoretical(bitsPerEntry, 10);
            assertTrue(rate < expected * 1.5 + 0.001, entries + " entries: " + rate + " false positives, theory " + expected);
        }
    }

    @Test
    void aMissingItemOfAWidePartitionIsAnsweredWithoutReadingABlock() throws IOException {
        TreeMap<OrderedKey, VersionedRecord> records = new TreeMap<>();
        for (int i = 0; i < 5000; i++) {
            OrderedKey key = OrderedKey.of("wide".getBytes(StandardCharsets.UTF_8), String.format("%05d", i * 2).getBytes(StandardCharsets.UTF_8));
            records.put(key, new VersionedRecord(key, i, new byte[20]));
        }
        BlockCache cache = new BlockCache(1 << 20);
        SortedTable table = Tables.write(directory, 1, SortedTableOptions.defaults().withBlockSize(1024), records.values(), cache);
        try {
            assertTrue(table.mightContainPartition("wide".getBytes(StandardCharsets.UTF_8)));
            assertFalse(table.mightContainPartition("narrow".getBytes(StandardCharsets.UTF_8)));
            List<Integer> falsePositives = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                OrderedKey odd = OrderedKey.of("wide".getBytes(StandardCharsets.UTF_8), String.format("%05d", i * 2 + 1).getBytes(StandardCharsets.UTF_8));
                if (table.mightContain(odd)) falsePositives.add(i);
                table.get(odd);
            }
            assertTrue(falsePositives.size() < 5000 * 0.02, falsePositives.size() + " false positives");
            assertTrue(cache.misses() <= falsePositives.size(), "blocks read only for false positives: " + cache.misses());
        } finally {
            table.release();
        }
    }

    /** A writer told nothing about its size (0 expected) still gets a useful filter for a memtable's worth of records. */
    @Test
    void aTableOfUnknownSizeStillFilters() throws IOException {
        TreeMap<OrderedKey, VersionedRecord> records = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            OrderedKey key = OrderedKey.of(("user" + i).getBytes(StandardCharsets.UTF_8), "profile".getBytes(StandardCharsets.UTF_8));
            records.put(key, new VersionedRecord(key, i, new byte[] {1}));
        }
        SortedTable table;
        try (SortedTableWriter writer = SortedTableWriter.create(directory, 3, 0, SortedTableOptions.defaults(), 0)) {
            for (VersionedRecord record : records.values()) writer.append(record);
            table = writer.finish(0, 0, null);
        }
        try {
            int positives = 0;
            for (int i = 0; i < 20_000; i++) {
                if (table.mightContain(OrderedKey.of(("user" + i).getBytes(StandardCharsets.UTF_8), "other".getBytes(StandardCharsets.UTF_8)))) positives++;
            }
            assertTrue(positives < 20_000 * 0.02, positives + " false positives");
        } finally {
            table.release();
        }
    }

    @Test
    void tablesWithoutSortKeysFilterOnThePartitionAlone() throws IOException {
        TreeMap<OrderedKey, VersionedRecord> records = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            OrderedKey key = OrderedKey.of(("item" + i).getBytes(StandardCharsets.UTF_8), new byte[0]);
            records.put(key, new VersionedRecord(key, i, new byte[] {1}));
        }
        SortedTable table = Tables.write(directory, 2, SortedTableOptions.defaults(), records.values(), null);
        try {
            for (OrderedKey key : records.keySet()) assertTrue(table.mightContain(key));
            assertFalse(table.mightContain(OrderedKey.of("item1".getBytes(StandardCharsets.UTF_8), new byte[] {1})),
                    "no record of this table has a sort key");
        } finally {
            table.release();
        }
    }
}
