package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;

/**
 * Encodes records into one uncompressed data block (FORMAT.md, "Data block"): the records one
 * after another, then the offset of each, then their count. The offsets let a reader binary-search
 * a block in place, without decoding the records before the one it wants.
 */
final class BlockBuilder {

    static final int TOMBSTONE = 1;

    private final ByteSink records;
    private int[] offsets = new int[256];
    private int count;

    BlockBuilder(int blockSize) {
        records = new ByteSink(blockSize + blockSize / 8);
    }

    /** Bytes the record takes in a block, its offset included. */
    static long encodedSize(VersionedRecord record) {
        OrderedKey key = record.key();
        long size = 1 + 8 + 8 + 4 + key.partition().length + 4 + key.sort().length + 4;
        if (!record.isTombstone()) size += 4 + record.value().length;
        return size;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    /** The size of the block as it stands, offsets and count included. */
    long size() {
        return records.size() + 4L * count + 4;
    }

    void add(VersionedRecord record) {
        if (count == offsets.length) offsets = java.util.Arrays.copyOf(offsets, count * 2);
        offsets[count++] = records.size();
        OrderedKey key = record.key();
        records.putByte(record.isTombstone() ? TOMBSTONE : 0);
        records.putLong(record.sequence());
        records.putLong(key.token());
        records.putBytes(key.partition());
        records.putBytes(key.sort());
        if (!record.isTombstone()) records.putBytes(record.value());
    }

    /** Appends the offsets and count; the block's bytes are then {@code array()[0, size())}. */
    ByteSink finish() {
        for (int i = 0; i < count; i++) records.putInt(offsets[i]);
        records.putInt(count);
        return records;
    }

    void reset(int blockSize) {
        records.clear();
        records.shrinkTo(blockSize + blockSize / 8);
        count = 0;
    }
}
