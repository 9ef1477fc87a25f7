package io.modyn.storage.file.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockCacheTest {

    @TempDir
    Path directory;

    private static Block block(int bytes) {
        byte[] data = new byte[bytes];
        return new Block(data);
    }

    @Test
    void staysWithinItsBudgetEvictingTheLeastRecentlyUsed() {
        BlockCache cache = new BlockCache(10_000);
        Block[] blocks = new Block[20];
        for (int i = 0; i < 20; i++) {
            blocks[i] = block(1000 - 64);
            cache.put(1, i, blocks[i]);
            if (i >= 2) assertSame(blocks[1], cache.get(1, 1), "block 1 is kept in use");
            assertTrue(cache.bytes() <= 10_000, "bytes " + cache.bytes());
        }
        assertEquals(10_000, cache.bytes());
        assertSame(blocks[1], cache.get(1, 1));
        assertSame(blocks[19], cache.get(1, 19));
        assertNull(cache.get(1, 0));
        assertNull(cache.get(1, 5));
        assertNull(cache.get(2, 19), "another table's block 19");
        cache.put(1, 30, block(20_000));
        assertNull(cache.get(1, 30), "a block over the budget is not cached");
        cache.invalidate(1);
        assertEquals(0, cache.bytes());
    }

    @Test
    void countsHitsAndMisses() throws IOException {
        TreeMap<OrderedKey, VersionedRecord> records = Tables.random(new Random(1), 300, 2000);
        BlockCache cache = new BlockCache(64 << 20);
        SortedTable table = Tables.write(directory, 1, SortedTableOptions.defaults().withBlockSize(4096), records.values(), cache);
        try {
            for (VersionedRecord record : records.values()) table.get(record.key());
            long misses = cache.misses();
            assertTrue(misses <= table.blockCount(), "each block read once: " + misses + " misses, " + table.blockCount() + " blocks");
            long hits = cache.hits();
            for (VersionedRecord record : records.values()) table.get(record.key());
            assertEquals(misses, cache.misses(), "every block cached now");
            assertEquals(hits + records.size(), cache.hits());
            assertTrue(cache.bytes() > 0 && cache.bytes() <= cache.budgetBytes());
            Tables.drain(table.all());
            assertEquals(misses, cache.misses(), "all() reads through the cache without filling it");
        } finally {
            table.release();
        }
        assertEquals(0, cache.bytes(), "a closed table's blocks are dropped");
    }

    /** A long scan leaves the cache as it found it beyond its first megabyte; a Query page is cached. */
    @Test
    void aLongScanDoesNotFlushTheCache() throws IOException {
        TreeMap<OrderedKey, VersionedRecord> records = Tables.random(new Random(4), 3000, 8000);
        BlockCache cache = new BlockCache(64 << 20);
        SortedTable table = Tables.write(directory, 1, SortedTableOptions.defaults().withBlockSize(4096), records.values(), cache);
        try {
            assertTrue(table.uncompressedDataBytes() > 4 * TableIterator.CACHE_FILL_BYTES, "a table of several megabytes");
            Tables.drain(table.range(null, true, null, true, false));
            long cached = cache.bytes();
            assertTrue(cached >= TableIterator.CACHE_FILL_BYTES && cached < TableIterator.CACHE_FILL_BYTES + 64 * 1024,
                    "the scan's first megabyte of blocks is cached, no more: " + cached);
            Tables.drain(table.range(null, true, null, true, true));
            assertTrue(cache.bytes() < 2 * TableIterator.CACHE_FILL_BYTES + 128 * 1024, "a descending scan adds its first megabyte: " + cache.bytes());
        } finally {
            table.release();
        }
    }

    @Test
    void aSmallBudgetHoldsAtMostItsBytesUnderManyTables() throws IOException {
        BlockCache cache = new BlockCache(3 << 20);
        for (int t = 0; t < 4; t++) {
            TreeMap<OrderedKey, VersionedRecord> records = Tables.random(new Random(t), 400, 30_000);
            SortedTable table = Tables.write(directory, t + 1, SortedTableOptions.defaults().withBlockSize(8192), records.values(), cache);
            try {
                for (VersionedRecord record : records.values()) {
                    table.get(record.key());
                    assertTrue(cache.bytes() <= 3 << 20);
                }
                assertTrue(cache.bytes() > 1 << 20, "the budget is used: " + cache.bytes());
            } finally {
                table.release();
            }
        }
    }
}
