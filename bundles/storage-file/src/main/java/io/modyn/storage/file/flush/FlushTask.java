package io.modyn.storage.file.flush;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.read.LiveKeyspace;
import java.util.concurrent.CompletableFuture;

/**
 * A memtable switched out of a keyspace at {@code switchPosition}: it holds exactly the keyspace's
 * commits logged after its lower bound and up to that position, so once it is in a sorted table
 * the manifest may record the keyspace as flushed up to there. {@code done} completes when the
 * table is live (or the memtable was discarded with its dropped keyspace).
 */
public record FlushTask(LiveKeyspace keyspace, Memtable memtable, CommitLogPosition switchPosition, CompletableFuture<Void> done) {

    public FlushTask(LiveKeyspace keyspace, Memtable memtable, CommitLogPosition switchPosition) {
        this(keyspace, memtable, switchPosition, new CompletableFuture<>());
    }
}
