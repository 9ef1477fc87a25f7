package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A sparse index of partition starts: every {@code interval}-th partition of the table, with the
 * block its first record is in. A key of a partition at or after entry {@code j}'s and before entry
 * {@code j + 1}'s lies in blocks {@code j.block} to {@code (j+1).block}, which narrows the block
 * index search, in a table of many blocks, to the few blocks between two entries.
 *
 * <p>Section layout (FORMAT.md): {@code interval:int32 | count:int32 | (block:int32 | token:int64 |
 * partitionLength:int32 | partition)*count}.
 */
final class PartitionIndex {

    static final int DEFAULT_INTERVAL = 16;

    private final int interval;
    private final List<OrderedKey> starts = new ArrayList<>();
    private int[] blocks = new int[16];

    PartitionIndex(int interval) {
        this.interval = interval;
    }

    int interval() {
        return interval;
    }

    int count() {
        return starts.size();
    }

    /** Called by the writer for the {@code ordinal}-th partition (from 0), which starts in {@code block}. */
    void partitionStarted(long ordinal, OrderedKey firstKey, int block) {
        if (ordinal % interval != 0) return;
        add(OrderedKey.firstOfPartition(firstKey.token(), firstKey.partition()), block);
    }

    private void add(OrderedKey start, int block) {
        if (starts.size() == blocks.length) blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
        blocks[starts.size()] = block;
        starts.add(start);
    }

    /**
     * Blocks {@code [lo, hi]} of a table with {@code blockCount} blocks that may hold {@code key}:
     * packed as {@code lo << 32 | hi}.
     */
    long blockRange(OrderedKey key, int blockCount) {
        int low = 0;
        int high = starts.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts.get(mid).compareTo(key) <= 0) low = mid + 1; else high = mid - 1;
        }
        int entry = low - 1;
        int lo = entry < 0 ? 0 : blocks[entry];
        int hi = entry + 1 < starts.size() ? blocks[entry + 1] : blockCount - 1;
        return (long) lo << 32 | hi;
    }

    byte[] encode() {
        ByteSink out = new ByteSink(starts.size() * 32 + 8);
        out.putInt(interval);
        out.putInt(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            out.putInt(blocks[i]);
            out.putLong(starts.get(i).token());
            out.putBytes(starts.get(i).partition());
        }
        return out.toByteArray();
    }

    static PartitionIndex decode(ByteBuffer in, int blockCount) {
        int interval = in.getInt();
        int count = in.getInt();
        if (interval < 1) throw new IllegalArgumentException("interval " + interval);
        if (count < 0 || count > in.remaining() / 16) throw new IllegalArgumentException("entry count " + count + " does not fit the section");
        PartitionIndex index = new PartitionIndex(interval);
        for (int i = 0; i < count; i++) {
            int block = in.getInt();
            long token = in.getLong();
            byte[] partition = KeyFormat.readBytes(in);
            OrderedKey start = OrderedKey.firstOfPartition(token, partition);
            if (block < 0 || block >= blockCount || (i > 0 && (block < index.blocks[i - 1] || index.starts.get(i - 1).compareTo(start) >= 0))) {
                throw new IllegalArgumentException("entry " + i + " (block " + block + ") is out of order");
            }
            index.add(start, block);
        }
        if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " bytes after the last entry");
        return index;
    }
}
