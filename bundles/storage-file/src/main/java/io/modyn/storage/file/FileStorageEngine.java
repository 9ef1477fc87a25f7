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
import io.modyn.storage.file.compaction.Compactor;
import io.modyn.storage.file.flush.FlushCoordinator;
import io.modyn.storage.file.flush.MemoryBudget;
import io.modyn.storage.file.lifecycle.CommitBarrier;
import io.modyn.storage.file.lifecycle.DataDirectory;
import io.modyn.storage.file.lifecycle.FrozenKeyspace;
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
import io.modyn.storage.file.record.MergedRecords;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.sstable.BlockCache;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.upgrade.Upgrade;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded storage engine, log-structured in Cassandra's manner (FORMAT.md): commit log →
 * memtables → immutable sorted tables → compaction, with a manifest recording the live set.
 *
 * <p>A commit is one commit-log record holding all its mutations; once the log acknowledges it,
 * its versions (sequence = its log position; deletes as tombstones) go into the active memtables
 * of their keyspaces, and only then are its locks released. Memtables are switched out and
 * flushed to sorted tables in the background ({@link FlushCoordinator}); writes wait only when
 * flushing falls behind the memtable budget. Reads take a keyspace's view
 * without any lock and merge its memtables and tables ({@link Reads}). Arrays handed out by reads
 * belong to the engine: callers must not modify them (the SPI's records say so too).
 *
 * <p>{@link #close} stops compaction and flushing, lets commits in flight finish and closes the
 * log after a final fsync. It does not flush the memtables: the log holds them, and replaying
 * that tail at the next start is bounded by twice the memtable budget, while a flush on close would
 * make every shutdown write tables.
 */
public final class FileStorageEngine implements StorageEngine, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileStorageEngine.class.getName());
    private static final int COPY_BATCH = 256;

    private final FileStorageOptions options;
    private final DataDirectory directory;
    private final LiveKeyspaces keyspaces;
    private final CommitLog commitLog;
    private final CommitBarrier barrier = new CommitBarrier();
    private final KeyLockTable locks;
    private final MemoryBudget budget;
    private final BlockCache blockCache;
    private final FlushCoordinator flushes;
    private final Compactor compactor;
    private final long recordsReplayed;
    private volatile boolean closing;

    private FileStorageEngine(FileStorageOptions options, DataDirectory directory, LiveKeyspaces keyspaces, CommitLog commitLog, MemoryBudget budget,
            BlockCache blockCache, long recordsReplayed) {
        this.options = options;
        this.recordsReplayed = recordsReplayed;
        this.directory = directory;
        this.keyspaces = keyspaces;
        this.commitLog = commitLog;
        this.budget = budget;
        this.blockCache = blockCache;
        this.locks = new KeyLockTable(options.lockTimeout().toNanos());
        this.compactor = new Compactor(keyspaces, options.compaction());
        this.flushes = new FlushCoordinator(keyspaces, commitLog, barrier, budget, options.segmentSizeBytes(), compactor::wake);
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
            FileStorageEngine engine = new FileStorageEngine(options, directory, keyspaces, commitLog, budget, cache, recovered.recordsReplayed());
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
     * Copies keyspaces as of one instant ({@link FlushCoordinator#freeze}: commits are paused only
     * while the active memtables are switched out), then writes each frozen keyspace's merged live
     * records into its target through ordinary commits of {@value #COPY_BATCH} records, which the
     * commit log makes durable. No key locks are taken for those: nobody else writes the new
     * targets before this returns.
     */
    @Override
    public void copyKeyspaces(Map<String, String> sourceToTarget) {
        List<LiveKeyspace> sources = new ArrayList<>();
        for (String source : sourceToTarget.keySet()) sources.add(live(source));
        for (String target : sourceToTarget.values()) {
            KeyspaceName.check(target);
            if (keyspaces.get(target) != null) throw new StorageException("keyspace " + target + " exists already", false);
        }
        for (String target : sourceToTarget.values()) createKeyspace(target);
        List<FrozenKeyspace> frozen = flushes.freeze(sources);
        try {
            for (FrozenKeyspace source : frozen) copy(source, sourceToTarget.get(source.name()));
        } finally {
            frozen.forEach(FrozenKeyspace::release);
        }
    }

    private void copy(FrozenKeyspace source, String target) {
        List<RecordIterator> parts = new ArrayList<>();
        for (Memtable memtable : source.memtables()) parts.add(memtable.all());
        for (SortedTable table : source.tables()) parts.add(table.all());
        try (RecordIterator merged = MergedRecords.of(parts, false, true)) {
            List<Mutation> batch = new ArrayList<>(COPY_BATCH);
            while (merged.hasNext()) {
                VersionedRecord record = merged.next();
                batch.add(Mutation.put(target, record.key().partition(), record.key().sort(), record.value()));
                if (batch.size() == COPY_BATCH) {
                    commit(batch);
                    batch = new ArrayList<>(COPY_BATCH);
                }
            }
            if (!batch.isEmpty()) commit(batch);
        }
    }

    /**
     * Commits a transaction's mutations: checks their keyspaces, logs them as one record, applies
     * them. Nothing is applied if this throws before the log acknowledged the record.
     */
    void commit(List<Mutation> mutations) {
        ensureOpen();
        flushes.beforeCommit();
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
        flushes.afterCommit();
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

    /**
     * Flushes every non-empty memtable and waits until their tables are live (operators before a
     * backup, tests). Returns whether there was anything to flush.
     */
    public boolean flush() throws IOException {
        ensureOpen();
        return flushes.flushAll();
    }

    /**
     * Snapshots a keyspace by hard links: flushes it, then links its live tables into
     * {@code snapshots/<name>/<keyspaceId>/} with a descriptor ({@link TableSnapshot}).
     *
     * @return the snapshot's directory
     */
    public Path snapshot(String keyspace, String name) throws IOException {
        LiveKeyspace live = live(keyspace);
        flushes.flush(live);
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
        return flushes.flushCount();
    }

    /** Time spent in flushes since the engine opened, in milliseconds. */
    public long flushMillis() {
        return flushes.flushNanos() / 1_000_000;
    }

    /** Memory the memtables take now, roughly, in bytes. */
    public long memtableBytes() {
        return budget.used();
    }

    /** The memtables' byte budget: writes wait when flushing falls this far behind. */
    public long memtableBudgetBytes() {
        return budget.budgetBytes();
    }

    /** The cache of decompressed table blocks, for its statistics. */
    public BlockCache blockCache() {
        return blockCache;
    }

    /** Times the commit log has fsynced since the engine opened. */
    public long commitLogSyncs() {
        return commitLog.syncCount();
    }

    /** The folder of the commit-log segments. */
    public Path commitLogDirectory() {
        return directory.commitLog();
    }

    /** Live sorted tables of a keyspace now. */
    int tableCount(String keyspace) {
        return live(keyspace).view().tables().size();
    }

    /** The compactor, for its statistics (write amplification) and for operators who compact now. */
    public Compactor compactor() {
        return compactor;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        compactor.close();
        flushes.close();
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
