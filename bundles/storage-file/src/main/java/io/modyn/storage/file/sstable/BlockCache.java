package io.modyn.storage.file.sstable;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decompressed data blocks of all open tables, least recently used first out, within a byte
 * budget. It is split into segments, each an LRU under its own lock with an equal share of the
 * budget, so that concurrent GetItems rarely wait for each other; a block larger than a segment's
 * share is not cached at all (a huge record is read each time rather than flushing the cache).
 * A budget of 0 caches nothing.
 */
public final class BlockCache {

    private static final long SEGMENT_MIN_BYTES = 1 << 20;
    private static final AtomicLong NEXT_TABLE_ID = new AtomicLong();

    private final long budgetBytes;
    private final Segment[] segments;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public BlockCache(long budgetBytes) {
        if (budgetBytes < 0) throw new IllegalArgumentException("negative block cache budget " + budgetBytes);
        this.budgetBytes = budgetBytes;
        int count = (int) Math.max(1, Math.min(16, Long.highestOneBit(Math.max(1, budgetBytes / SEGMENT_MIN_BYTES))));
        segments = new Segment[count];
        for (int i = 0; i < count; i++) segments[i] = new Segment(budgetBytes / count);
    }

    /** A number naming one open table in cache keys: generations may repeat across keyspaces. */
    static long newTableId() {
        return NEXT_TABLE_ID.incrementAndGet();
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Bytes of the blocks held now. */
    public long bytes() {
        long total = 0;
        for (Segment segment : segments) total += segment.bytes();
        return total;
    }

    private static long key(long tableId, int block) {
        return tableId << 32 | (block & 0xffff_ffffL);
    }

    private Segment segment(long key) {
        long h = key * 0x9e3779b97f4a7c15L;
        return segments[(int) (h >>> 59) & (segments.length - 1)];
    }

    Block get(long tableId, int block) {
        long key = key(tableId, block);
        Block found = segment(key).get(key);
        (found == null ? misses : hits).increment();
        return found;
    }

    void put(long tableId, int block, Block value) {
        long key = key(tableId, block);
        segment(key).put(key, value);
    }

    /** Drops the blocks of a table that is closed: they can never be asked for again. */
    void invalidate(long tableId) {
        for (Segment segment : segments) segment.removeTable(tableId);
    }

    private static final class Segment {

        private final long budget;
        private final LinkedHashMap<Long, Block> blocks = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        Segment(long budget) {
            this.budget = budget;
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized Block get(long key) {
            return blocks.get(key);
        }

        synchronized void put(long key, Block block) {
            int size = block.memoryBytes();
            if (size > budget) return;
            Block previous = blocks.put(key, block);
            if (previous != null) bytes -= previous.memoryBytes();
            bytes += size;
            Iterator<Map.Entry<Long, Block>> eldest = blocks.entrySet().iterator();
            while (bytes > budget && eldest.hasNext()) {
                Map.Entry<Long, Block> entry = eldest.next();
                bytes -= entry.getValue().memoryBytes();
                eldest.remove();
            }
        }

        synchronized void removeTable(long tableId) {
            Iterator<Map.Entry<Long, Block>> entries = blocks.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<Long, Block> entry = entries.next();
                if (entry.getKey() >>> 32 == tableId) {
                    bytes -= entry.getValue().memoryBytes();
                    entries.remove();
                }
            }
        }
    }
}
