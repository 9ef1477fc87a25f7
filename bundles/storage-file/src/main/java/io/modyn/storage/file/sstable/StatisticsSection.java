package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import java.nio.ByteBuffer;

/**
 * The statistics section: {@code level:int32 | recordCount:int64 | tombstoneCount:int64 |
 * partitionCount:int64 | minSequence:int64 | maxSequence:int64 | minTimeMillis:int64 |
 * maxTimeMillis:int64 | uncompressedDataBytes:int64 | hasKeys:u8 | [minKey | maxKey]}. The keys
 * are absent (hasKeys 0) in an empty table.
 */
record StatisticsSection(int level, long recordCount, long tombstoneCount, long partitionCount, long minSequence,
        long maxSequence, long minTimeMillis, long maxTimeMillis, long uncompressedDataBytes, OrderedKey minKey, OrderedKey maxKey) {

    TableStatistics statistics(long fileBytes) {
        return new TableStatistics(minKey, maxKey, recordCount, tombstoneCount, minSequence, maxSequence, minTimeMillis, maxTimeMillis, fileBytes);
    }

    byte[] encode() {
        ByteSink out = new ByteSink(128 + (minKey == null ? 0 : minKey.size() + maxKey.size()));
        out.putInt(level);
        out.putLong(recordCount);
        out.putLong(tombstoneCount);
        out.putLong(partitionCount);
        out.putLong(minSequence);
        out.putLong(maxSequence);
        out.putLong(minTimeMillis);
        out.putLong(maxTimeMillis);
        out.putLong(uncompressedDataBytes);
        out.putByte(minKey == null ? 0 : 1);
        if (minKey != null) {
            KeyFormat.write(out, minKey);
            KeyFormat.write(out, maxKey);
        }
        return out.toByteArray();
    }

    static StatisticsSection decode(ByteBuffer in) {
        int level = in.getInt();
        long records = in.getLong();
        long tombstones = in.getLong();
        long partitions = in.getLong();
        long minSequence = in.getLong();
        long maxSequence = in.getLong();
        long minTime = in.getLong();
        long maxTime = in.getLong();
        long uncompressed = in.getLong();
        int hasKeys = in.get();
        OrderedKey min = hasKeys == 1 ? KeyFormat.read(in) : null;
        OrderedKey max = hasKeys == 1 ? KeyFormat.read(in) : null;
        if (hasKeys != (records > 0 ? 1 : 0) || tombstones < 0 || tombstones > records || level < 0) {
            throw new IllegalArgumentException("inconsistent counts: " + records + " records, " + tombstones + " tombstones, keys " + hasKeys);
        }
        if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " bytes after the last field");
        return new StatisticsSection(level, records, tombstones, partitions, minSequence, maxSequence, minTime, maxTime, uncompressed, min, max);
    }
}
