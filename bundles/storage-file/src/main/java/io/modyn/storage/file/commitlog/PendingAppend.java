package io.modyn.storage.file.commitlog;

import java.util.concurrent.locks.LockSupport;

/**
 * One request to the commit-log writer and the slot its answer comes back in. The requesting
 * thread parks until the writer completes it; no lock or future is allocated per commit.
 */
final class PendingAppend {

    enum Kind {
        /** Append the payload as one record. */
        RECORD,
        /** Close the current segment and start a new one. */
        SWITCH_SEGMENT,
        /** Write everything before this, sync, close the segment and stop. */
        CLOSE
    }

    final Kind kind;
    final byte[] payload;
    private final Thread waiter = Thread.currentThread();
    private CommitLogPosition position;
    private RuntimeException failure;
    private volatile boolean done;

    PendingAppend(Kind kind, byte[] payload) {
        this.kind = kind;
        this.payload = payload;
    }

    /** Set by the writer once the record is written; acknowledged later by {@link #complete}. */
    void position(CommitLogPosition position) {
        this.position = position;
    }

    void complete() {
        done = true;
        LockSupport.unpark(waiter);
    }

    void fail(RuntimeException failure) {
        this.failure = failure;
        done = true;
        LockSupport.unpark(waiter);
    }

    /**
     * Waits for the writer. Interrupts do not abandon the wait: the record may already be on disk,
     * so the caller must learn the outcome; the interrupt status is restored afterwards.
     */
    CommitLogPosition await() {
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            if (Thread.interrupted()) interrupted = true;
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
        return position;
    }
}
