package io.modyn.storage.file;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.api.storage.StorageKey;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.storage.file.commitlog.CommitLog;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.compaction.Compactor;
import io.modyn.storage.file.flush.FlushTask;
import io.modyn.storage.file.flush.Flusher;
import io.modyn.storage.file.flush.MemoryBudget;
import io.modyn.storage.file.lifecycle.CommitBarrier;
import io.modyn.storage.file.lifecycle.DataDirectory;
import io.modyn.storage.file.lifecycle.LiveKeyspaces;
import io.modyn.storage.file.lifecycle.Recovery;
import io.modyn.storage.file.lifecycle.TableSnapshot;
import io.modyn.storage.file.locks.KeyLockTable;
import io.modyn.storage.file.manifest.Manifest;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import io.modyn.storage.file.read.KeyspaceView;
import io.modyn.storage.file.read.LiveKeyspace;
import io.modyn.storage.file.read.Reads;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.sstable.BlockCache;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.upgrade.Upgrade;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded storage engine, log-structured in Cassandra's manner (FORMAT.md): commit log →
 * memtables → immutable sorted tables → compaction, with a manifest recording the live set.
 *
 * <p>A commit is one commit-log record holding all its mutations; once the log acknowledges it,
 * its versions (sequence = its log position; deletes as tombstones) go into the active memtables
 * of their keyspaces, and only then are its locks released. When the active memtables pass half
 * the memtable budget, the largest is switched out under the commit barrier (its switch position
 * is the log's end) and flushed to a sorted table in the background; writes wait only when the
 * flushing ones and the active ones together pass the whole budget. Reads take a keyspace's view
 * without any lock and merge its memtables and tables ({@link Reads}). Arrays handed out by reads
 * belong to the engine: callers must not modify them (the SPI's records say so too).
 *
 * <p>{@link #close} stops compaction and flushing, lets commits in flight finish and closes the
 * log after a final fsync. It does not flush the memtables: the log holds them, and replaying
 * that tail at the next start is bounded by the memtable budget, while a flush on close would
 * make every shutdown write tables.
 */
public final class FileStorageEngine implements StorageEngine, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileStorageEngine.class.getName());

    private final FileStorageOptions options;
    private final DataDirectory directory;
    private final LiveKeyspaces keyspaces;
    private final CommitLog commitLog;
    private final CommitBarrier barrier = new CommitBarrier();
    private final KeyLockTable locks;
    private final MemoryBudget budget;
    private final Flusher flusher;
    private final Compactor compactor;
    private final AtomicBoolean switching = new AtomicBoolean();
    private final ScheduledExecutorService logBound = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "modyn-storage-log-bound");
        thread.setDaemon(true);
        return thread;
    });
    private final long recordsReplayed;
    private volatile boolean closing;

    private FileStorageEngine(FileStorageOptions options, DataDirectory directory, LiveKeyspaces keyspaces, CommitLog commitLog, MemoryBudget budget,
            long recordsReplayed) {
        this.options = options;
        this.recordsReplayed = recordsReplayed;
        this.directory = directory;
        this.keyspaces = keyspaces;
        this.commitLog = commitLog;
        this.budget = budget;
        this.locks = new KeyLockTable(options.lockTimeout().toNanos());
        this.flusher = new Flusher(keyspaces.flushHandler(), budget, this::afterFlush);
        this.compactor = new Compactor(keyspaces, options.compaction());
        logBound.scheduleWithFixedDelay(this::boundCommitLog, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens (creating if needed) the storage in the options' data directory and recovers its content. */
    public static FileStorageEngine open(FileStorageOptions options) {
        long began = System.nanoTime();
        DataDirectory directory = null;
        Manifest manifest = null;
        List<KeyspaceView> recoveredViews = List.of();
        try {
            directory = DataDirectory.open(options.dataDirectory());
            Upgrade.runIfNeeded(directory, options.tableOptions());
            manifest = Manifest.open(directory.manifest());
            BlockCache cache = new BlockCache(options.blockCacheBytes());
            MemoryBudget budget = new MemoryBudget(options.memtableBudgetBytes());
            Recovery.Result recovered = Recovery.recover(directory.commitLog(), directory.tables(), manifest.state(), cache, budget);
            recoveredViews = recovered.keyspaces();
            LiveKeyspaces keyspaces = new LiveKeyspaces(manifest, directory.tables(), options.tableOptions(), cache, recoveredViews);
            CommitLog commitLog = CommitLog.open(directory.commitLog(), recovered.nextSegmentId(), options.syncPolicy(), options.segmentSizeBytes());
            FileStorageEngine engine = new FileStorageEngine(options, directory, keyspaces, commitLog, budget, recovered.recordsReplayed());
            engine.compactor.wakeAll();
            LOG.info(String.format("File storage opened in %s: %d keyspaces, %d tables, %d commit-log records replayed (%d MiB in memtables),"
                    + " fsync %s, in %d ms", options.dataDirectory(), keyspaces.size(), recovered.tablesOpened(), recovered.recordsReplayed(),
                    budget.used() >> 20, options.syncPolicy(), (System.nanoTime() - began) / 1_000_000));
            return engine;
        } catch (IOException | RuntimeException e) {
            for (KeyspaceView view : recoveredViews) view.tables().forEach(SortedTable::release);
            closeQuietly(manifest);
            closeQuietly(directory);
            if (e instanceof StorageException se) throw se;
            throw new StorageException("cannot open file storage in " + options.dataDirectory() + ": " + e, e, false);
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
            keyspaces.create(keyspace, commitLog.end());
        } catch (IOException e) {
            throw new StorageException("cannot record the creation of keyspace " + keyspace + ": " + e, e, false);
        }
    }

    @Override
    public void dropKeyspace(String keyspace) {
        KeyspaceName.check(keyspace);
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            LiveKeyspace dropped = keyspaces.drop(keyspace, commitLog.end());
            if (dropped != null) budget.discarded(dropped.view().active().memoryBytes());
        } catch (IOException e) {
            throw new StorageException("cannot record the drop of keyspace " + keyspace + ": " + e, e, false);
        }
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        ensureOpen();
        return keyspaces.get(keyspace) != null;
    }

    @Override
    public byte[] get(String keyspace, byte[] partition, byte[] sort) {
        return Reads.get(live(keyspace), partition, sort);
    }

    @Override
    public RecordCursor query(String keyspace, byte[] partition, KeyRange sortRange, boolean descending) {
        return Reads.query(live(keyspace), partition, sortRange, descending);
    }

    @Override
    public RecordCursor scan(String keyspace, int segment, int totalSegments, StorageKey exclusiveStart) {
        return Reads.scan(live(keyspace), segment, totalSegments, exclusiveStart);
    }

    /**
     * Approximate, as the SPI allows: memtables count exactly, tables by their footers (records
     * minus tombstones, file bytes), and a key held by several sources counts in each until
     * compaction merges them.
     */
    @Override
    public KeyspaceStatistics statistics(String keyspace) {
        KeyspaceView view = live(keyspace).view();
        long records = 0;
        long bytes = 0;
        for (Memtable memtable : view.memtables()) {
            KeyspaceStatistics counted = memtable.statistics();
            records += counted.recordCount();
            bytes += counted.sizeBytes();
        }
        for (SortedTable table : view.tables()) {
            records += table.statistics().recordCount() - table.statistics().tombstoneCount();
            bytes += table.statistics().fileBytes();
        }
        return new KeyspaceStatistics(Math.max(0, records), Math.max(0, bytes));
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
        ensureOpen();
        // Switch before waiting too: after a restart or a burst, the room may only come from a flush not yet started.
        if (budget.activeOverShare()) switchLargestMemtable();
        budget.awaitRoom();
        try (CommitBarrier.Section commit = barrier.shared()) {
            ensureOpen();
            List<LiveKeyspace> targets = new ArrayList<>(mutations.size());
            for (Mutation mutation : mutations) targets.add(live(mutation.keyspace()));
            long sequence = Sequence.of(commitLog.append(MutationCodec.encode(mutations)));
            for (int i = 0; i < mutations.size(); i++) {
                Mutation mutation = mutations.get(i);
                Memtable active = targets.get(i).view().active();
                budget.written(active.apply(OrderedKey.of(mutation.partition(), mutation.sort()), sequence, mutation.value()));
            }
        }
        if (budget.activeOverShare()) switchLargestMemtable();
    }

    /** Checks that the keyspace exists; transactions call this before they lock a key in it. */
    void requireKeyspace(String keyspace) {
        live(keyspace);
    }

    private LiveKeyspace live(String keyspace) {
        ensureOpen();
        LiveKeyspace live = keyspaces.get(keyspace);
        if (live == null) throw new KeyspaceNotFoundException("keyspace " + keyspace + " does not exist");
        return live;
    }

    private void ensureOpen() {
        if (closing) throw new StorageException("file storage is shut down", true);
    }

    /** One committing thread at a time switches out the largest active memtable; the others carry on. */
    private void switchLargestMemtable() {
        if (!switching.compareAndSet(false, true)) return;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            if (closing || !budget.activeOverShare()) return;
            LiveKeyspace largest = null;
            for (LiveKeyspace keyspace : keyspaces.all()) {
                if (largest == null || keyspace.view().active().memoryBytes() > largest.view().active().memoryBytes()) largest = keyspace;
            }
            if (largest != null) switchOut(largest, false);
        } finally {
            switching.set(false);
        }
    }

    /** Switches out the keyspace's active memtable for flushing, unless it is empty; the caller holds the barrier alone. */
    private FlushTask switchOut(LiveKeyspace keyspace, boolean evenIfEmpty) {
        Memtable active = keyspace.view().active();
        if (active.isEmpty() && !evenIfEmpty) return null;
        CommitLogPosition position = commitLog.end();
        keyspaces.switchMemtable(keyspace, new Memtable(position));
        budget.switched(active.memoryBytes());
        FlushTask task = new FlushTask(keyspace, active, position);
        flusher.submit(task);
        return task;
    }

    /**
     * A keyspace written once and then left idle keeps its memtable, and so every segment logged
     * since, forever: once the log holds more than twice the memtable budget, the active memtable
     * that holds the oldest segment is flushed, as Cassandra does when its commit log passes its
     * total space. This also bounds the replay at the next start.
     */
    private void boundCommitLog() {
        if (closing) return;
        long limit = Math.max(4, 2 * options.memtableBudgetBytes() / options.segmentSizeBytes());
        LiveKeyspace oldest = null;
        CommitLogPosition bound = null;
        for (LiveKeyspace keyspace : keyspaces.all()) {
            Memtable active = keyspace.view().active();
            if (!active.isEmpty() && (bound == null || active.commitLogLowerBound().compareTo(bound) < 0)) {
                oldest = keyspace;
                bound = active.commitLogLowerBound();
            }
        }
        if (oldest == null || commitLog.end().segmentId() - bound.segmentId() < limit) return;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            if (!closing && oldest.view().active().commitLogLowerBound().equals(bound)) switchOut(oldest, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot switch out the memtable holding the oldest commit-log segment", e);
        }
    }

    private void afterFlush(FlushTask task) {
        if (closing) return;
        compactor.wake(task.keyspace().name());
        releaseCommitLog();
    }

    /**
     * Deletes the commit-log segments no memtable needs: those before the oldest lower bound of a
     * non-empty memtable (everything older is in tables), or before the current segment if all are
     * empty. Decided with commits paused, so no commit is logged but not yet applied.
     */
    private void releaseCommitLog() {
        CommitLogPosition needed;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            if (closing) return;
            needed = commitLog.end();
            for (LiveKeyspace keyspace : keyspaces.all()) {
                for (Memtable memtable : keyspace.view().memtables()) {
                    if (!memtable.isEmpty() && memtable.commitLogLowerBound().compareTo(needed) < 0) needed = memtable.commitLogLowerBound();
                }
            }
        }
        try {
            commitLog.deleteSegmentsBefore(needed.segmentId());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete flushed commit-log segments; they are retried after the next flush", e);
        }
    }

    /**
     * Flushes every non-empty memtable and waits until their tables are live (operators before a
     * backup, tests). Returns whether there was anything to flush.
     */
    public boolean flush() throws IOException {
        List<FlushTask> tasks = new ArrayList<>();
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            for (LiveKeyspace keyspace : keyspaces.all()) {
                FlushTask task = switchOut(keyspace, false);
                if (task != null) tasks.add(task);
            }
        }
        for (FlushTask task : tasks) await(task.done());
        return !tasks.isEmpty();
    }

    /**
     * Flushes one keyspace and waits until all it held is in tables. The memtable is switched out
     * even when empty: its flush then completes after every earlier flush of the keyspace.
     */
    private void flush(LiveKeyspace keyspace) throws IOException {
        FlushTask task;
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            ensureOpen();
            task = switchOut(keyspace, true);
        }
        await(task.done());
    }

    private static void await(CompletableFuture<Void> done) throws IOException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a flush", e, true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /**
     * Snapshots a keyspace by hard links: flushes it, then links its live tables into
     * {@code snapshots/<name>/<keyspaceId>/} with a descriptor ({@link TableSnapshot}).
     *
     * @return the snapshot's directory
     */
    public Path snapshot(String keyspace, String name) throws IOException {
        LiveKeyspace live = live(keyspace);
        flush(live);
        List<SortedTable> tables = keyspaces.retainLiveTables(keyspace);
        try {
            return TableSnapshot.write(directory.snapshots(), name, keyspace, live.id(), tables);
        } finally {
            tables.forEach(SortedTable::release);
        }
    }

    /** Record locks held now (for tests: every transaction's locks are gone once it ends). */
    int lockCount() {
        return locks.size();
    }

    /** Commit-log records replayed when the engine opened. */
    public long recordsReplayed() {
        return recordsReplayed;
    }

    /** Writes that waited for memtable room because flushing fell behind. */
    public long writeStalls() {
        return budget.stalls();
    }

    /** Time writes spent waiting for memtable room, in milliseconds. */
    public long writeStallMillis() {
        return budget.stallNanos() / 1_000_000;
    }

    /** Memtable flushes completed since the engine opened. */
    public long flushCount() {
        return flusher.flushCount();
    }

    /** Time spent in flushes since the engine opened, in milliseconds. */
    public long flushMillis() {
        return flusher.flushNanos() / 1_000_000;
    }

    /** Memory the memtables take now, roughly, in bytes. */
    public long memtableBytes() {
        return budget.used();
    }

    /** Live sorted tables of a keyspace now. */
    int tableCount(String keyspace) {
        return live(keyspace).view().tables().size();
    }

    Compactor compactor() {
        return compactor;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        // Writers waiting for memtable room would wait for flushes that no longer come.
        budget.flushFailing(new StorageException("file storage is shut down", true));
        logBound.shutdownNow();
        compactor.close();
        flusher.close();
        // Commits that passed the open check before `closing` was set finish; later ones were refused.
        try (CommitBarrier.Section alone = barrier.exclusive()) {
            commitLog.close();
        }
        for (LiveKeyspace keyspace : keyspaces.all()) keyspace.view().tables().forEach(SortedTable::release);
        closeQuietly(keyspaces.manifest());
        closeQuietly(directory);
        LOG.info(() -> "File storage closed in " + options.dataDirectory());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Cannot close " + closeable, e);
        }
    }
}
