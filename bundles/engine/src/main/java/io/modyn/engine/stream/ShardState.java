package io.modyn.engine.stream;

import io.modyn.api.storage.StorageEngine;

/**
 * Where a stream's one shard stands: the first sequence number still kept (or, when none is kept,
 * the number the next record will get), the last number issued (0 before the first record), and
 * whether the shard is open. A shard closes when its stream is disabled; it then ends at its last
 * record.
 */
record ShardState(long first, long last, boolean open) {

    static ShardState of(StorageEngine storage, StreamDirectory.Entry stream) {
        long last = stream.info().lastSequence();
        long first = last == 0 ? 1 : StreamLog.firstSequence(storage, stream.info().keyspace());
        return new ShardState(first < 0 ? last + 1 : first, last, stream.enabled());
    }

    String startingSequenceNumber() {
        return SequenceNumbers.format(first);
    }

    /** The last sequence number of a closed shard, null while it is open. */
    String endingSequenceNumber() {
        return open ? null : SequenceNumbers.format(Math.max(first, last));
    }
}
