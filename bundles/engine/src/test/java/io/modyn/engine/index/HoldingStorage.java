package io.modyn.engine.index;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageTransaction;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node's view of a shared storage engine that can stop one transaction at its commit: the
 * next transaction that writes to a keyspace with a given prefix waits in {@code commit()} until
 * the test releases it. This is how a test puts a write (or a backfill batch) exactly between
 * "computed" and "committed", where a real one may linger for seconds waiting for a lock.
 */
final class HoldingStorage implements StorageEngine {

    /** A commit stopped (or about to be). */
    static final class Hold {

        private final String keyspacePrefix;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String keyspacePrefix) {
            this.keyspacePrefix = keyspacePrefix;
        }

        void awaitReached() throws InterruptedException {
            if (!reached.await(60, TimeUnit.SECONDS)) throw new AssertionError("no commit to " + keyspacePrefix + "* was reached");
        }

        void release() {
            released.countDown();
        }

        private void stop() {
            reached.countDown();
            try {
                if (!released.await(60, TimeUnit.SECONDS)) throw new AssertionError("the held commit was never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while held", e);
            }
        }
    }

    private final StorageEngine shared;
    private final AtomicReference<Hold> armed = new AtomicReference<>();

    HoldingStorage(StorageEngine shared) {
        this.shared = shared;
    }

    /** Stops the next transaction that commits a write to a keyspace whose name starts with the prefix. */
    Hold holdNextCommitWritingTo(String keyspacePrefix) {
        Hold hold = new Hold(keyspacePrefix);
        armed.set(hold);
        return hold;
    }

    @Override
    public void copyKeyspaces(java.util.Map<String, String> sourceToTarget) {
        shared.copyKeyspaces(sourceToTarget);
    }

    @Override
    public StorageTransaction begin() {
        StorageTransaction tx = shared.begin();
        Set<String> written = new HashSet<>();
        return new StorageTransaction() {
            @Override
            public byte[] getForUpdate(String keyspace, byte[] partition, byte[] sort) {
                return tx.getForUpdate(keyspace, partition, sort);
            }

            @Override
            public void put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
                written.add(keyspace);
                tx.put(keyspace, partition, sort, value);
            }

            @Override
            public void delete(String keyspace, byte[] partition, byte[] sort) {
                written.add(keyspace);
                tx.delete(keyspace, partition, sort);
            }

            @Override
            public void requireUnchanged(String keyspace, byte[] partition, byte[] sort, byte[] expected) {
                tx.requireUnchanged(keyspace, partition, sort, expected);
            }

            @Override
            public void commit() {
                Hold hold = armed.get();
                if (hold != null && written.stream().anyMatch(k -> k.startsWith(hold.keyspacePrefix)) && armed.compareAndSet(hold, null)) {
                    hold.stop();
                }
                tx.commit();
            }

            @Override
            public void close() {
                tx.close();
            }
        };
    }

    @Override
    public String name() {
        return shared.name();
    }

    @Override
    public void createKeyspace(String keyspace) {
        shared.createKeyspace(keyspace);
    }

    @Override
    public void dropKeyspace(String keyspace) {
        shared.dropKeyspace(keyspace);
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return shared.keyspaceExists(keyspace);
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        return shared.get(keyspace, partition, sort);
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending) {
        return shared.query(keyspace, partition, sortRange, descending);
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        return shared.scan(keyspace, segment, totalSegments, exclusiveStart);
    }

    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        return shared.statistics(keyspace);
    }
}
