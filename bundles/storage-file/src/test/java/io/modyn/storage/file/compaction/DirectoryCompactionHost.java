package io.modyn.storage.file.compaction;

import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.BlockCache;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableOptions;
import io.modyn.storage.file.sstable.SortedTableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A compaction host over a directory per keyspace, for tests: keeps each keyspace's live tables
 * (one reference each, as the engine's live set does), swaps them as the engine would, and lets a
 * test step in when a compaction opens a new table.
 */
final class DirectoryCompactionHost implements CompactionHost, AutoCloseable {

    private final Path root;
    private final SortedTableOptions tableOptions;
    private final BlockCache cache = new BlockCache(1 << 20);
    private final AtomicLong generations = new AtomicLong();
    private final Map<String, List<SortedTable>> live = new LinkedHashMap<>();
    final AtomicInteger replaces = new AtomicInteger();
    /** Runs when a compaction asks for a new table, before the writer is made. */
    volatile NewTableHook onNewTable = () -> { };

    interface NewTableHook {
        void run() throws IOException;
    }

    DirectoryCompactionHost(Path root, SortedTableOptions tableOptions) {
        this.root = root;
        this.tableOptions = tableOptions;
    }

    private Path directory(String keyspace) {
        try {
            return Files.createDirectories(root.resolve(keyspace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SortedTableWriter writer(String keyspace, int level, long expectedRecords) throws IOException {
        return SortedTableWriter.create(directory(keyspace), generations.incrementAndGet(), level, tableOptions, expectedRecords);
    }

    /** Writes the records (any order, one version per key) as a table of the level and makes it live, as a flush does. */
    SortedTable flush(String keyspace, int level, List<VersionedRecord> records) throws IOException {
        List<VersionedRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(VersionedRecord::key));
        long minSequence = sorted.stream().mapToLong(VersionedRecord::sequence).min().orElse(0);
        long maxSequence = sorted.stream().mapToLong(VersionedRecord::sequence).max().orElse(0);
        SortedTable table;
        try (SortedTableWriter writer = writer(keyspace, level, sorted.size())) {
            for (VersionedRecord record : sorted) {
                writer.append(record);
            }
            // Times follow sequences, so tests can check the time range compaction carries over.
            table = writer.finish(minSequence * 1000, maxSequence * 1000, cache);
        }
        synchronized (this) {
            live.computeIfAbsent(keyspace, k -> new ArrayList<>()).add(table);
        }
        return table;
    }

    /** The table files in the keyspace's directory. */
    List<Path> files(String keyspace) throws IOException {
        try (Stream<Path> files = Files.list(directory(keyspace))) {
            return files.sorted().toList();
        }
    }

    /** The live tables, not retained: for assertions while nothing compacts. */
    synchronized List<SortedTable> live(String keyspace) {
        return List.copyOf(live.getOrDefault(keyspace, List.of()));
    }

    /** Drops the keyspace: its tables go when their last reader lets go. */
    synchronized void drop(String keyspace) {
        for (SortedTable table : live.getOrDefault(keyspace, List.of())) {
            table.markObsolete();
            table.release();
        }
        live.remove(keyspace);
    }

    @Override
    public synchronized List<String> keyspaces() {
        return List.copyOf(live.keySet());
    }

    @Override
    public synchronized List<SortedTable> retainLiveTables(String keyspace) {
        List<SortedTable> retained = new ArrayList<>();
        for (SortedTable table : live.getOrDefault(keyspace, List.of())) {
            if (!table.retain()) {
                throw new IllegalStateException("a live table was closed: " + table.file());
            }
            retained.add(table);
        }
        return retained;
    }

    @Override
    public SortedTableWriter newTable(String keyspace, int level, long expectedRecords) throws IOException {
        onNewTable.run();
        return writer(keyspace, level, expectedRecords);
    }

    @Override
    public BlockCache blockCache() {
        return cache;
    }

    @Override
    public synchronized boolean replace(String keyspace, List<SortedTable> inputs, List<SortedTable> outputs) {
        replaces.incrementAndGet();
        List<SortedTable> tables = live.get(keyspace);
        if (tables == null || !new HashSet<>(tables).containsAll(inputs)) {
            return false;
        }
        Set<SortedTable> leaving = new HashSet<>(inputs);
        tables.removeIf(leaving::contains);
        tables.addAll(outputs);
        for (SortedTable input : inputs) {
            input.markObsolete();
            input.release();
        }
        return true;
    }

    @Override
    public synchronized void close() {
        for (String keyspace : List.copyOf(live.keySet())) {
            for (SortedTable table : live.get(keyspace)) {
                table.release();
            }
        }
        live.clear();
    }
}
