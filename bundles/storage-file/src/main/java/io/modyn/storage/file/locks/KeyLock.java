package io.modyn.storage.file.locks;

import java.util.concurrent.TimeUnit;

/**
 * One held lock: its key and its owner. Waiters block on the lock object until it is released;
 * a released lock is never reused, so a waiter that wakes tries to take a fresh one.
 */
public final class KeyLock {

    final RecordKey key;
    final LockOwner owner;
    private boolean released;

    KeyLock(RecordKey key, LockOwner owner) {
        this.key = key;
        this.owner = owner;
    }

    synchronized void release() {
        released = true;
        notifyAll();
    }

    /** Waits until released or the deadline passes; returns whether it was released. */
    synchronized boolean awaitRelease(long deadlineNanos) throws InterruptedException {
        while (!released) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }
}
