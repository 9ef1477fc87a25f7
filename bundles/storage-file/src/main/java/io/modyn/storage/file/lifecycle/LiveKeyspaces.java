package io.modyn.storage.file.lifecycle;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.OwnerOnly;
import io.modyn.storage.file.compaction.CompactionHost;
import io.modyn.storage.file.flush.FlushHandler;
import io.modyn.storage.file.flush.FlushTask;
import io.modyn.storage.file.manifest.Manifest;
import io.modyn.storage.file.manifest.TableEntry;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.read.KeyspaceView;
import io.modyn.storage.file.read.LiveKeyspace;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.sstable.BlockCache;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableOptions;
import io.modyn.storage.file.sstable.SortedTableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live keyspaces and, for each, its live set of memtables and sorted tables; every change of a
 * live set goes through here, paired with its manifest edit: keyspace creation and drop, memtable
 * switch, flush (a memtable leaves, its table joins) and compaction (inputs leave, outputs join).
 * Changes are serialised on one lock and each is one atomic swap of the keyspace's view, so a
 * reader sees the set before or after, never between. The manifest is edited first: if that fails
 * the view is unchanged and the new table is discarded.
 *
 * <p>Each live table has one reference held by the view; a table that leaves the live set is
 * marked obsolete and that reference released, so its file goes when the last reader lets go.
 */
public final class LiveKeyspaces implements CompactionHost {

    private static final Logger LOG = Logger.getLogger(LiveKeyspaces.class.getName());

    private final Manifest manifest;
    private final Path tablesRoot;
    private final SortedTableOptions tableOptions;
    private final BlockCache blockCache;
    private final Map<String, LiveKeyspace> byName = new ConcurrentHashMap<>();
    private final Object changes = new Object();

    public LiveKeyspaces(Manifest manifest, Path tablesRoot, SortedTableOptions tableOptions, BlockCache blockCache, Collection<KeyspaceView> recovered) {
        this.manifest = manifest;
        this.tablesRoot = tablesRoot;
        this.tableOptions = tableOptions;
        this.blockCache = blockCache;
        for (KeyspaceView view : recovered) byName.put(view.name(), new LiveKeyspace(view));
    }

    /** The live keyspace of this name, or null. */
    public LiveKeyspace get(String name) {
        return byName.get(name);
    }

    public List<LiveKeyspace> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public List<String> keyspaces() {
        return List.copyOf(byName.keySet());
    }

    public int size() {
        return byName.size();
    }

    public Manifest manifest() {
        return manifest;
    }

    @Override
    public BlockCache blockCache() {
        return blockCache;
    }

    /** Where a keyspace's tables live: {@code tables/<keyspaceId>/}. */
    public Path tableDirectory(long keyspaceId) {
        return tablesRoot.resolve(Long.toString(keyspaceId));
    }

    /**
     * Creates a keyspace whose first commit follows {@code position} (the commit log's end, with
     * commits paused). Durable when this returns.
     */
    public LiveKeyspace create(String name, CommitLogPosition position) throws IOException {
        synchronized (changes) {
            LiveKeyspace existing = byName.get(name);
            if (existing != null) return existing;
            long id = manifest.state().nextKeyspaceId();
            manifest.keyspaceCreated(name, id, Sequence.of(position));
            LiveKeyspace created = new LiveKeyspace(new KeyspaceView(name, id, new Memtable(position), List.of(), List.of()));
            byName.put(name, created);
            return created;
        }
    }

    /**
     * Drops a keyspace (commits paused): the manifest forgets it, its tables become obsolete and
     * go once no reader holds them. Returns the dropped keyspace, or null if there was none.
     */
    public LiveKeyspace drop(String name, CommitLogPosition position) throws IOException {
        KeyspaceView last;
        LiveKeyspace dropped;
        synchronized (changes) {
            dropped = byName.get(name);
            if (dropped == null) return null;
            manifest.keyspaceDropped(name, Sequence.of(position));
            byName.remove(name);
            dropped.markDropped();
            last = dropped.view();
        }
        for (SortedTable table : last.tables()) obsolete(table);
        deleteDirectoryIfEmpty(tableDirectory(last.id()));
        return dropped;
    }

    /** Makes {@code next} the active memtable (commits paused); returns the one switched out. */
    public Memtable switchMemtable(LiveKeyspace keyspace, Memtable next) {
        synchronized (changes) {
            Memtable previous = keyspace.view().active();
            keyspace.update(view -> view.switched(next));
            return previous;
        }
    }

    /** Writes a switched memtable to a level-0 table and makes it live, recording how far the keyspace is flushed. */
    public FlushHandler flushHandler() {
        return this::flush;
    }

    private void flush(FlushTask task) throws IOException {
        LiveKeyspace keyspace = task.keyspace();
        Memtable memtable = task.memtable();
        SortedTable table = memtable.isEmpty() || keyspace.isDropped() ? null : write(keyspace, memtable);
        synchronized (changes) {
            if (keyspace.isDropped()) {
                if (table != null) obsolete(table);
                keyspace.update(view -> view.flushed(memtable, null));
                return;
            }
            try {
                manifest.flushed(keyspace.name(), table == null ? null : new TableEntry(table.generation(), table.level()), task.switchPosition());
            } catch (IOException | RuntimeException e) {
                if (table != null) obsolete(table);
                throw e;
            }
            keyspace.update(view -> view.flushed(memtable, table));
        }
    }

    private SortedTable write(LiveKeyspace keyspace, Memtable memtable) throws IOException {
        try (SortedTableWriter writer = newWriter(keyspace.id(), 0, memtable.size()); RecordIterator records = memtable.all()) {
            while (records.hasNext()) writer.append(records.next());
            return writer.finish(memtable.firstWriteMillis(), memtable.lastWriteMillis(), blockCache);
        }
    }

    /** A writer for a new table of the keyspace with this id, under a generation never used before. */
    public SortedTableWriter newWriter(long keyspaceId, int level, long expectedRecords) throws IOException {
        Path directory = tableDirectory(keyspaceId);
        if (!Files.isDirectory(directory)) {
            OwnerOnly.createDirectories(directory);
            // The new directory's entry must survive a power loss before the manifest names a table in it.
            DirectorySync.sync(directory.getParent());
        }
        return SortedTableWriter.create(directory, manifest.allocateGeneration(), level, tableOptions, expectedRecords);
    }

    @Override
    public SortedTableWriter newTable(String name, int level, long expectedRecords) throws IOException {
        LiveKeyspace keyspace = byName.get(name);
        if (keyspace == null) throw new IOException("keyspace " + name + " was dropped");
        return newWriter(keyspace.id(), level, expectedRecords);
    }

    /**
     * Compaction's swap: the inputs leave the keyspace's live set and the outputs join it, in one
     * manifest edit and one view swap. The view takes over the outputs' references.
     *
     * @return false, changing nothing, if the keyspace was dropped or an input is no longer live
     */
    @Override
    public boolean replace(String name, List<SortedTable> inputs, List<SortedTable> outputs) throws IOException {
        synchronized (changes) {
            LiveKeyspace keyspace = byName.get(name);
            if (keyspace == null || !keyspace.view().holdsAll(inputs)) return false;
            List<Long> removed = new ArrayList<>(inputs.size());
            for (SortedTable input : inputs) removed.add(input.generation());
            List<TableEntry> added = new ArrayList<>(outputs.size());
            for (SortedTable output : outputs) added.add(new TableEntry(output.generation(), output.level()));
            if (!manifest.replaced(name, removed, added)) return false;
            keyspace.update(view -> view.replaced(inputs, outputs));
        }
        for (SortedTable input : inputs) obsolete(input);
        return true;
    }

    /** The keyspace's live tables, each retained for the caller; empty if it does not exist. */
    @Override
    public List<SortedTable> retainLiveTables(String name) {
        while (true) {
            LiveKeyspace keyspace = byName.get(name);
            if (keyspace == null) return List.of();
            KeyspaceView view = keyspace.view();
            List<SortedTable> retained = new ArrayList<>();
            for (SortedTable table : view.tables()) {
                if (!table.retain()) break;
                retained.add(table);
            }
            if (retained.size() == view.tables().size()) return retained;
            for (SortedTable table : retained) table.release();
            // Not retained: a compaction replaced it (the view has changed: try again), or the
            // keyspace was dropped or the engine closed (the view stays as it was).
            if (keyspace.view() == view) return List.of();
        }
    }

    private static void obsolete(SortedTable table) {
        table.markObsolete();
        table.release();
    }

    private static void deleteDirectoryIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (java.nio.file.DirectoryNotEmptyException stillRead) {
            // A reader still holds a table; recovery removes directories of dropped keyspaces.
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot remove " + directory, e);
        }
    }
}
