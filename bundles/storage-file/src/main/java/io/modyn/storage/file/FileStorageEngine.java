package io.modyn.storage.file;

import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.commitlog.CommitLog;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.lifecycle.Checkpointer;
import io.modyn.storage.file.lifecycle.CommitBarrier;
import io.modyn.storage.file.lifecycle.DataDirectory;
import io.modyn.storage.file.lifecycle.Recovery;
import io.modyn.storage.file.locks.KeyLockTable;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.memtable.Memtables;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded storage engine: a commit log, one memtable per keyspace, record locks for
 * transactions and periodic checkpoints (see FORMAT.md for the files).
 *
 * <p>A commit is one commit-log record holding all its mutations; it is applied to the memtables
 * once the log acknowledges it, and only then are its locks released. Reads outside transactions
 * go straight to the memtables without any lock. Arrays handed out by reads belong to the
 * memtable: callers must not modify them (the SPI's records say so too).
 *
 * <p>{@link #close} stops new work (retryable failures), lets commits in flight finish, and
 * closes the log after a final fsync; opening the same directory again recovers everything.
 */
public final class FileStorageEngine implements StorageEngine, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileStorageEngine.class.getName());

    private final FileStorageOptions options;
    private final DataDirectory directory;
    private final Memtables memtables;
    private final CommitLog commitLog;
    private final CommitBarrier barrier;
    private final Checkpointer checkpointer;
    private final KeyLockTable locks;
    private final ScheduledExecutorService checkpoints;
    private volatile boolean closing;

    private FileStorageEngine(FileStorageOptions options, DataDirectory directory, Memtables memtables, CommitLog commitLog,
            CommitBarrier barrier, Checkpointer checkpointer) {
        this.options = options;
        this.directory = directory;
        this.memtables = memtables;
        this.commitLog = commitLog;
        this.barrier = barrier;
        this.checkpointer = checkpointer;
        this.locks = new KeyLockTable(options.lockTimeout().toNanos());
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "modyn-storage-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens (creating if needed) the storage in the options' data directory and recovers its content. */
    public static FileStorageEngine open(FileStorageOptions options) {
        long began = System.nanoTime();
        DataDirectory directory = null;
        CommitLog commitLog = null;
        try {
            directory = DataDirectory.open(options.dataDirectory());
            Memtables memtables = new Memtables();
            Recovery.Result recovered = Recovery.recover(directory, memtables);
            commitLog = CommitLog.open(directory.commitLog(), recovered.nextSegmentId(), options.syncPolicy(), options.segmentSizeBytes());
            CommitBarrier barrier = new CommitBarrier();
            // With nothing replayed, the state is exactly the snapshot (or empty): no checkpoint is due yet.
            CommitLogPosition checkpoint = recovered.recordsReplayed() == 0 ? commitLog.end() : recovered.checkpoint();
            Checkpointer checkpointer = new Checkpointer(directory, commitLog, memtables, barrier, checkpoint);
            FileStorageEngine engine = new FileStorageEngine(options, directory, memtables, commitLog, barrier, checkpointer);
            engine.scheduleCheckpoints();
            LOG.info(String.format("File storage opened in %s: %d keyspaces, %d commit-log records replayed, fsync %s, in %d ms",
                    options.dataDirectory(), memtables.size(), recovered.recordsReplayed(), options.syncPolicy(),
                    (System.nanoTime() - began) / 1_000_000));
            return engine;
        } catch (IOException | RuntimeException e) {
            if (commitLog != null) commitLog.close();
            closeQuietly(directory);
            if (e instanceof StorageException se) throw se;
            throw new StorageException("cannot open file storage in " + options.dataDirectory() + ": " + e, e, false);
        }
    }

    private void scheduleCheckpoints() {
        long interval = options.checkpointInterval().toMillis();
        if (interval > 0) checkpoints.scheduleWithFixedDelay(this::checkpointInBackground, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void checkpointInBackground() {
        try {
            checkpoint();
        } catch (IOException | RuntimeException e) {
            // The log keeps every commit until a checkpoint succeeds, so nothing is lost; say why it grows.
            LOG.log(Level.WARNING, "Checkpoint failed; the commit log keeps growing until one succeeds", e);
        }
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public void createKeyspace(String keyspace) {
        KeyspaceName.check(keyspace);
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            if (memtables.get(keyspace) == null) log(List.of(Mutation.createKeyspace(keyspace)));
        }
    }

    @Override
    public void dropKeyspace(String keyspace) {
        KeyspaceName.check(keyspace);
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            if (memtables.get(keyspace) != null) log(List.of(Mutation.dropKeyspace(keyspace)));
        }
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        ensureOpen();
        return memtables.get(keyspace) != null;
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        return memtable(keyspace).get(partition, sort);
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending) {
        return memtable(keyspace).query(partition, sortRange, descending);
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        return memtable(keyspace).scan(segment, totalSegments, exclusiveStart);
    }

    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        return memtable(keyspace).statistics();
    }

    @Override
    public StorageTransaction begin() {
        ensureOpen();
        return new FileStorageTransaction(this, locks);
    }

    /**
     * Commits a transaction's mutations: checks their keyspaces, logs them as one record, applies
     * them. Nothing is applied if this throws before the log acknowledged the record.
     */
    void commit(List<Mutation> mutations) {
        try (CommitBarrier.Section commit = barrier.shared()) {
            ensureOpen();
            for (Mutation mutation : mutations) requireKeyspace(mutation.keyspace());
            log(mutations);
        }
    }

    /** Logs a batch and applies it; the caller holds the barrier. */
    private void log(List<Mutation> mutations) {
        CommitLogPosition position = commitLog.append(MutationCodec.encode(mutations));
        memtables.apply(mutations, position);
    }

    /** Checks that the keyspace exists; transactions call this before they lock a key in it. */
    void requireKeyspace(String keyspace) {
        memtable(keyspace);
    }

    private Memtable memtable(String keyspace) {
        ensureOpen();
        Memtable memtable = memtables.get(keyspace);
        if (memtable == null) throw new KeyspaceNotFoundException("keyspace " + keyspace + " does not exist");
        return memtable;
    }

    private void ensureOpen() {
        if (closing) throw new StorageException("file storage is shut down", true);
    }

    /**
     * Writes a snapshot and deletes the commit-log segments it covers, unless nothing was logged
     * since the last checkpoint. Runs on a schedule; callable directly.
     *
     * @return whether a checkpoint was written
     */
    public boolean checkpoint() throws IOException {
        ensureOpen();
        return checkpointer.checkpoint();
    }

    /** Record locks held now (for tests: every transaction's locks are gone once it ends). */
    int lockCount() {
        return locks.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        checkpoints.shutdown();
        boolean interrupted = false;
        try {
            while (!checkpoints.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("Waiting for a checkpoint to finish before closing file storage");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        checkpointer.close();
        // Commits that passed the open check before `closing` was set finish; later ones were refused.
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            commitLog.close();
        }
        closeQuietly(directory);
        if (interrupted) Thread.currentThread().interrupt();
        LOG.info(() -> "File storage closed in " + options.dataDirectory());
    }

    private static void closeQuietly(DataDirectory directory) {
        if (directory == null) return;
        try {
            directory.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot release the lock on " + directory.root(), e);
        }
    }
}
