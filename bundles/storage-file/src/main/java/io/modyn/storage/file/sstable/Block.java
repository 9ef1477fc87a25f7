package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;
import java.util.Arrays;

/**
 * One decompressed data block, read in place: keys are compared against the block's bytes and a
 * record is materialised only when it is returned. Immutable, so one instance is shared by the
 * block cache and every reader.
 *
 * <p>Record layout (FORMAT.md): {@code flags:u8 | sequence:int64 | token:int64 | partitionLength:int32 |
 * partition | sortLength:int32 | sort | [valueLength:int32 | value]}.
 */
final class Block {

    private static final int SEQUENCE = 1;
    private static final int TOKEN = 9;
    private static final int PARTITION_LENGTH = 17;
    private static final int PARTITION = 21;

    private final byte[] data;
    private final int count;
    private final int offsetsStart;

    /** @throws IllegalArgumentException if the trailer does not describe a block of this size */
    Block(byte[] data) {
        if (data.length < 4) throw new IllegalArgumentException("block of " + data.length + " bytes has no record count");
        this.data = data;
        this.count = Bytes.getInt(data, data.length - 4);
        long start = data.length - 4 - 4L * count;
        if (count < 0 || start < 0) throw new IllegalArgumentException("record count " + count + " does not fit a block of " + data.length + " bytes");
        this.offsetsStart = (int) start;
        for (int i = 0; i < count; i++) {
            int offset = offset(i);
            if (offset < 0 || offset + PARTITION > offsetsStart) throw new IllegalArgumentException("record " + i + " offset " + offset + " is outside the block");
        }
    }

    int count() {
        return count;
    }

    /** Bytes the block holds in memory, as the cache budget counts them. */
    int memoryBytes() {
        return data.length + 64;
    }

    private int offset(int index) {
        return Bytes.getInt(data, offsetsStart + 4 * index);
    }

    boolean isTombstone(int index) {
        return (data[offset(index)] & BlockBuilder.TOMBSTONE) != 0;
    }

    long sequence(int index) {
        return Bytes.getLong(data, offset(index) + SEQUENCE);
    }

    /** Compares the key of record {@code index} with {@code key}, in storage order, allocating nothing. */
    int compareKey(int index, OrderedKey key) {
        int at = offset(index);
        int c = Long.compare(Bytes.getLong(data, at + TOKEN), key.token());
        if (c != 0) return c;
        int partitionLength = Bytes.getInt(data, at + PARTITION_LENGTH);
        byte[] partition = key.partition();
        c = Arrays.compareUnsigned(data, at + PARTITION, at + PARTITION + partitionLength, partition, 0, partition.length);
        if (c != 0) return c;
        int sortAt = at + PARTITION + partitionLength;
        int sortLength = Bytes.getInt(data, sortAt);
        byte[] sort = key.sort();
        return Arrays.compareUnsigned(data, sortAt + 4, sortAt + 4 + sortLength, sort, 0, sort.length);
    }

    /**
     * The first record at or after {@code key} ({@code inclusive}) or strictly after it; {@link #count()}
     * if there is none.
     */
    int firstFrom(OrderedKey key, boolean inclusive) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareKey(mid, key);
            if (c < 0 || (c == 0 && !inclusive)) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The record with exactly this key, or -1. */
    int find(OrderedKey key) {
        int index = firstFrom(key, true);
        return index < count && compareKey(index, key) == 0 ? index : -1;
    }

    /** The record at {@code index}, using {@code key} (equal to its own) instead of copying the key's bytes. */
    VersionedRecord record(int index, OrderedKey key) {
        int at = offset(index);
        int partitionLength = Bytes.getInt(data, at + PARTITION_LENGTH);
        int sortAt = at + PARTITION + partitionLength;
        int sortLength = Bytes.getInt(data, sortAt);
        return new VersionedRecord(key, sequence(index), value(at, sortAt + 4 + sortLength));
    }

    VersionedRecord record(int index) {
        return record(index, (byte[]) null);
    }

    /**
     * The record at {@code index}, sharing {@code previousPartition} (the partition bytes of the
     * record read before) when the record is of the same partition: a Query over a wide partition
     * then copies the partition key once, not once per item.
     */
    VersionedRecord record(int index, byte[] previousPartition) {
        int at = offset(index);
        long token = Bytes.getLong(data, at + TOKEN);
        int partitionLength = Bytes.getInt(data, at + PARTITION_LENGTH);
        byte[] partition = previousPartition != null
                && Arrays.equals(data, at + PARTITION, at + PARTITION + partitionLength, previousPartition, 0, previousPartition.length)
                ? previousPartition : Arrays.copyOfRange(data, at + PARTITION, at + PARTITION + partitionLength);
        int sortAt = at + PARTITION + partitionLength;
        int sortLength = Bytes.getInt(data, sortAt);
        byte[] sort = Arrays.copyOfRange(data, sortAt + 4, sortAt + 4 + sortLength);
        return new VersionedRecord(new OrderedKey(token, partition, sort), sequence(index), value(at, sortAt + 4 + sortLength));
    }

    private byte[] value(int recordAt, int valueAt) {
        if ((data[recordAt] & BlockBuilder.TOMBSTONE) != 0) return null;
        int length = Bytes.getInt(data, valueAt);
        return Arrays.copyOfRange(data, valueAt + 4, valueAt + 4 + length);
    }
}
