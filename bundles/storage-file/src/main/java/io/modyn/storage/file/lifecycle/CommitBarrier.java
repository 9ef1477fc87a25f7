package io.modyn.storage.file.lifecycle;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Orders commits against the few operations that must see none in flight: keyspace creation and
 * drop, a memtable switch (whose position must split the commits exactly), the commit-log release
 * decision, and shutdown. Commits pass in shared mode, from their keyspace
 * check through logging to applying, so a keyspace cannot vanish between a commit's check and its
 * apply, and log order matches apply order wherever it matters. Reads never pass here.
 */
public final class CommitBarrier {

    /** A section of code inside the barrier; closing it leaves. */
    public interface Section extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Enters alongside other commits. */
    public Section shared() {
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        return read::unlock;
    }

    /** Enters alone, once every commit in flight has left. */
    public Section exclusive() {
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        write.lock();
        return write::unlock;
    }
}
