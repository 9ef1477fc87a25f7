package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Where each data block is and the first key it holds, kept in memory while the table is open:
 * block {@code i} holds the keys from its first key up to, not including, block {@code i + 1}'s.
 * Finding the block of a key is a binary search here, never a read.
 *
 * <p>Section layout (FORMAT.md): {@code count:int32 | (offset:int64 | length:int32 | firstKey)*count}.
 */
final class BlockIndex {

    private long[] offsets;
    private int[] lengths;
    private OrderedKey[] firstKeys;
    private int count;

    BlockIndex(int capacity) {
        offsets = new long[Math.max(4, capacity)];
        lengths = new int[offsets.length];
        firstKeys = new OrderedKey[offsets.length];
    }

    void add(long offset, int length, OrderedKey firstKey) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            firstKeys = Arrays.copyOf(firstKeys, count * 2);
        }
        offsets[count] = offset;
        lengths[count] = length;
        firstKeys[count] = firstKey;
        count++;
    }

    int count() {
        return count;
    }

    long offset(int block) {
        return offsets[block];
    }

    int length(int block) {
        return lengths[block];
    }

    OrderedKey firstKey(int block) {
        return firstKeys[block];
    }

    /**
     * The block that would hold {@code key}: the last block in {@code [lo, hi]} whose first key is
     * at or before it, or {@code lo - 1} if the key sorts before them all.
     */
    int blockOf(OrderedKey key, int lo, int hi) {
        int low = lo;
        int high = hi;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (firstKeys[mid].compareTo(key) <= 0) low = mid + 1; else high = mid - 1;
        }
        return low - 1;
    }

    byte[] encode() {
        ByteSink out = new ByteSink(count * 48 + 4);
        out.putInt(count);
        for (int i = 0; i < count; i++) {
            out.putLong(offsets[i]);
            out.putInt(lengths[i]);
            KeyFormat.write(out, firstKeys[i]);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException or a {@link java.nio.BufferUnderflowException} on a malformed section */
    static BlockIndex decode(ByteBuffer in, long dataStart, long dataEnd) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / 20) throw new IllegalArgumentException("block count " + count + " does not fit the section");
        BlockIndex index = new BlockIndex(count);
        long expected = dataStart;
        for (int i = 0; i < count; i++) {
            long offset = in.getLong();
            int length = in.getInt();
            if (offset != expected || length < DataBlockFormat.OVERHEAD || offset + length > dataEnd) {
                throw new IllegalArgumentException("block " + i + " at " + offset + " of " + length + " bytes does not follow block " + (i - 1));
            }
            expected = offset + length;
            OrderedKey first = KeyFormat.read(in);
            if (i > 0 && index.firstKeys[i - 1].compareTo(first) >= 0) throw new IllegalArgumentException("block " + i + "'s first key is out of order");
            index.add(offset, length, first);
        }
        if (expected != dataEnd) throw new IllegalArgumentException("blocks end at " + expected + ", the data ends at " + dataEnd);
        if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " bytes after the last entry");
        return index;
    }
}
