package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;

/**
 * What a sorted table's footer says about its content, read without touching its data blocks:
 * compaction picks inputs and decides whether a tombstone may be purged from these, and the
 * engine skips tables whose key range cannot hold a key. Keys are null for an empty table.
 *
 * @param minTimeMillis the earliest write time the table holds, as its writer was told
 * @param maxTimeMillis the latest such time
 * @param fileBytes the size of the file
 */
public record TableStatistics(OrderedKey minKey, OrderedKey maxKey, long recordCount, long tombstoneCount,
        long minSequence, long maxSequence, long minTimeMillis, long maxTimeMillis, long fileBytes) {
}
