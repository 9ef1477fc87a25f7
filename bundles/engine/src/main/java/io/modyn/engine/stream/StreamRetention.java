package io.modyn.engine.stream;

import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DynamoDB Streams' retention (24 hours unless configured otherwise, see {@link StreamLimits}):
 * deletes the records written longer than the retention ago, and removes a disabled stream (its table deleted, its stream turned off or replaced) once it holds
 * nothing any more, with the listener positions kept for it. Run periodically; every node may run
 * it, since deleting what another node already deleted is harmless.
 *
 * <p>A disabled stream is removed a retention after its last record rather than a retention after it
 * was disabled: its records are all trimmed by then either way, so only its empty description
 * disappears earlier than DynamoDB's would.
 */
final class StreamRetention {

    private static final Logger LOG = Logger.getLogger(StreamRetention.class.getName());
    private static final int TRIM_BATCH = 500;

    private final StreamDirectory directory;
    private final StreamKeyspaces keyspaces;
    private final long retentionMillis;

    StreamRetention(StreamDirectory directory, StreamKeyspaces keyspaces, Duration retention) {
        this.directory = directory;
        this.keyspaces = keyspaces;
        this.retentionMillis = retention.toMillis();
    }

    /** Applies the retention as of the given time. */
    void run(StorageBinding.Bound bound, long nowMillis) {
        long cutoff = nowMillis - retentionMillis;
        for (StreamDirectory.Entry stream : directory.list(bound, null)) {
            StreamInfo info = stream.info();
            int trimmed = StreamLog.trim(bound.storage(), info.keyspace(), cutoff, TRIM_BATCH);
            if (trimmed > 0) LOG.fine(() -> "Trimmed " + trimmed + " records past the retention from stream " + info.key());
            boolean recorded = info.lastSequence() > 0; // an unrecorded stream has nothing to remove
            if (recorded && !stream.enabled() && info.lastWriteMillis() < cutoff) remove(bound, info);
        }
    }

    private void remove(StorageBinding.Bound bound, StreamInfo info) {
        try (StorageTransaction tx = bound.storage().begin()) {
            // Locked, so that a writer still holding an old table definition cannot record into it meanwhile.
            StreamInfo current = StreamRegistry.lock(tx, info.key());
            if (current == null || current.lastSequence() != info.lastSequence()) return;
            StreamRegistry.remove(tx, info.key());
            ListenerPositions.forget(bound.storage(), tx, info.key());
            tx.commit();
        }
        bound.storage().dropKeyspace(info.keyspace());
        keyspaces.forget(info.keyspace());
        LOG.log(Level.INFO, "Stream {0} of table {1} expired: disabled and empty for the retention period", new Object[] {info.key().label(), info.key().tableName()});
    }
}
