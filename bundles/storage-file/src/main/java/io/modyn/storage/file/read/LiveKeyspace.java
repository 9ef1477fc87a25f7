package io.modyn.storage.file.read;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A keyspace's current {@link KeyspaceView}, swapped atomically. Readers take {@link #view()}
 * without any lock; the few writers of views (memtable switch, flush, compaction, drop) serialise
 * among themselves outside this class, so {@link #update} never loses a change.
 */
public final class LiveKeyspace {

    private final AtomicReference<KeyspaceView> current;
    private volatile boolean dropped;

    public LiveKeyspace(KeyspaceView initial) {
        this.current = new AtomicReference<>(initial);
    }

    public KeyspaceView view() {
        return current.get();
    }

    public KeyspaceView update(UnaryOperator<KeyspaceView> change) {
        return current.updateAndGet(change);
    }

    public String name() {
        return current.get().name();
    }

    public long id() {
        return current.get().id();
    }

    /** Set once the keyspace is dropped: flushes and compactions still running for it then discard their output. */
    public void markDropped() {
        dropped = true;
    }

    public boolean isDropped() {
        return dropped;
    }
}
