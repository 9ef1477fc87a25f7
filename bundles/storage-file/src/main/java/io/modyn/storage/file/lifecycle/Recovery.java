package io.modyn.storage.file.lifecycle;

import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.commitlog.CommitLogReplayer;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.commitlog.OwnerOnly;
import io.modyn.storage.file.flush.MemoryBudget;
import io.modyn.storage.file.manifest.KeyspaceEntry;
import io.modyn.storage.file.manifest.ManifestState;
import io.modyn.storage.file.manifest.TableEntry;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import io.modyn.storage.file.read.KeyspaceView;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.Sequence;
import io.modyn.storage.file.sstable.BlockCache;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Rebuilds the live keyspaces at startup from the manifest: opens each keyspace's live tables, then
 * replays the commit log into fresh memtables, applying only what each keyspace logged after the
 * position it is flushed up to. The work is bounded by the unflushed log (itself bounded by the
 * memtable budget), not by the data on disk: opening a table reads its footer, index and filter.
 *
 * <p>Files a crash left behind are removed first: tables half-written (temporary names), tables
 * written but never made live (a crash between a flush's rename and its manifest edit), tables a
 * compaction replaced but had not yet deleted, and directories of dropped keyspaces. Only what the
 * manifest names is live, so removing the rest loses nothing.
 */
public final class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());

    /**
     * What recovery found.
     *
     * @param keyspaces each live keyspace's view: its tables and a memtable holding the replayed tail
     * @param nextSegmentId the id for the commit log's next segment: above every existing one
     * @param recordsReplayed commit-log records replayed into memtables (records wholly flushed already are read and skipped)
     * @param tablesOpened live tables opened
     */
    public record Result(List<KeyspaceView> keyspaces, long nextSegmentId, long recordsReplayed, int tablesOpened) {
    }

    private Recovery() {
    }

    public static Result recover(Path commitLog, Path tablesRoot, ManifestState state, BlockCache cache, MemoryBudget budget) throws IOException {
        Map<String, KeyspaceView> views = new HashMap<>();
        List<SortedTable> opened = new ArrayList<>();
        try {
            OwnerOnly.createDirectories(tablesRoot);
            removeDroppedKeyspaces(tablesRoot, state);
            for (KeyspaceEntry keyspace : state.keyspaces().values()) {
                List<SortedTable> tables = openTables(tablesRoot.resolve(Long.toString(keyspace.id())), keyspace, cache);
                opened.addAll(tables);
                views.put(keyspace.name(), new KeyspaceView(keyspace.name(), keyspace.id(), new Memtable(keyspace.flushedUpTo()), List.of(), tables));
            }
            long replayFrom = replayStart(state);
            CommitLogSegment.deleteBefore(commitLog, replayFrom);
            long[] applied = {0};
            CommitLogPosition flushedByAll = flushedByAll(state);
            CommitLogReplayer.Result replay = CommitLogReplayer.replay(commitLog, replayFrom, (payload, position) -> {
                // Not even decoded when every keyspace has it in its tables already.
                if (position.compareTo(flushedByAll) > 0 && apply(payload, position, state, views, budget)) applied[0]++;
            });
            long nextSegmentId = Math.max(Math.max(replay.lastSegmentId() + 1, replayFrom), state.minimumNextSegmentId());
            return new Result(List.copyOf(views.values()), nextSegmentId, applied[0], opened.size());
        } catch (IOException | RuntimeException e) {
            for (SortedTable table : opened) table.release();
            throw e;
        }
    }

    /** The position every live keyspace is flushed up to. */
    private static CommitLogPosition flushedByAll(ManifestState state) {
        CommitLogPosition lowest = null;
        for (KeyspaceEntry keyspace : state.keyspaces().values()) {
            if (lowest == null || keyspace.flushedUpTo().compareTo(lowest) < 0) lowest = keyspace.flushedUpTo();
        }
        return lowest == null ? new CommitLogPosition(Long.MAX_VALUE, Long.MAX_VALUE) : lowest;
    }

    /** The first segment that may hold a commit some keyspace has not flushed. */
    private static long replayStart(ManifestState state) {
        long start = state.minimumNextSegmentId();
        for (KeyspaceEntry keyspace : state.keyspaces().values()) start = Math.min(start, keyspace.flushedUpTo().segmentId());
        return Math.max(start, state.firstSegmentId());
    }

    /** Applies what the record holds for unflushed keyspaces; returns whether it held anything of them. */
    private static boolean apply(byte[] payload, CommitLogPosition position, ManifestState state, Map<String, KeyspaceView> views, MemoryBudget budget) {
        List<Mutation> batch;
        try {
            batch = MutationCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            throw new StorageException("commit-log record before " + position + " cannot be decoded: " + e.getMessage(), e, false);
        }
        long sequence = Sequence.of(position);
        boolean applied = false;
        for (Mutation mutation : batch) {
            if (!mutation.hasKey()) continue; // keyspace creations and drops live in the manifest
            KeyspaceEntry keyspace = state.keyspace(mutation.keyspace());
            // A dropped keyspace's records, a former keyspace of the same name's, or records already in tables.
            if (keyspace == null || position.compareTo(keyspace.flushedUpTo()) <= 0) continue;
            Memtable memtable = views.get(keyspace.name()).active();
            budget.written(memtable.apply(OrderedKey.of(mutation.partition(), mutation.sort()), sequence, mutation.value()));
            applied = true;
        }
        return applied;
    }

    private static List<SortedTable> openTables(Path directory, KeyspaceEntry keyspace, BlockCache cache) throws IOException {
        List<SortedTable> tables = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            if (!keyspace.tables().isEmpty()) throw missing(keyspace, directory);
            return tables;
        }
        SortedTableFiles.deleteTemporary(directory);
        Set<Long> live = new HashSet<>();
        for (TableEntry entry : keyspace.tables()) live.add(entry.generation());
        for (Path file : SortedTableFiles.list(directory)) {
            if (!live.contains(SortedTableFiles.generationOf(file))) {
                LOG.info(() -> "Removing table " + file + ", which is not live (left by a crash during a flush or compaction)");
                Files.delete(file);
            }
        }
        try {
            for (TableEntry entry : keyspace.tables()) {
                Path file = directory.resolve(SortedTableFiles.fileName(entry.generation()));
                if (!Files.exists(file)) throw missing(keyspace, file);
                tables.add(SortedTable.open(file, cache));
            }
        } catch (IOException | RuntimeException e) {
            for (SortedTable table : tables) table.release();
            throw e;
        }
        return tables;
    }

    private static StorageException missing(KeyspaceEntry keyspace, Path file) {
        return new StorageException("live table " + file + " of keyspace " + keyspace.name() + " is missing; the data directory is damaged", false);
    }

    /** Removes the table directories of keyspaces the manifest no longer has. */
    private static void removeDroppedKeyspaces(Path tablesRoot, ManifestState state) throws IOException {
        Set<String> live = new HashSet<>();
        for (KeyspaceEntry keyspace : state.keyspaces().values()) live.add(Long.toString(keyspace.id()));
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> directories = Files.list(tablesRoot)) {
            directories.filter(d -> !live.contains(d.getFileName().toString())).forEach(stale::add);
        }
        for (Path directory : stale) {
            LOG.info(() -> "Removing " + directory + ", the tables of a dropped keyspace");
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) deleteRecursively(child);
            }
        }
        Files.deleteIfExists(path);
    }
}
