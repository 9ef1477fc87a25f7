package io.modyn.storage.file.read;

import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.sstable.SortedTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one keyspace holds at one moment, never changed once made: the active memtable (taking
 * commits), the memtables being flushed (newest first) and the live sorted tables (highest
 * maximum sequence first, so a point read can stop early). Flushes, compactions and memtable
 * switches make a new view and swap it in ({@link LiveKeyspace}); a reader works on the view it
 * took, whatever happens meanwhile.
 *
 * <p>The view owns one reference on each of its tables; whoever removes a table from the live
 * set releases that reference.
 *
 * @param id the keyspace's id in the manifest: a dropped and re-created name gets a new one
 */
public record KeyspaceView(String name, long id, Memtable active, List<Memtable> flushing, List<SortedTable> tables) {

    private static final Comparator<SortedTable> NEWEST_FIRST =
            Comparator.comparingLong((SortedTable t) -> t.statistics().maxSequence()).reversed();

    public KeyspaceView {
        flushing = List.copyOf(flushing);
        List<SortedTable> sorted = new ArrayList<>(tables);
        sorted.sort(NEWEST_FIRST);
        tables = List.copyOf(sorted);
    }

    /** The memtables, newest first: the active one, then those being flushed. */
    public List<Memtable> memtables() {
        List<Memtable> all = new ArrayList<>(flushing.size() + 1);
        all.add(active);
        all.addAll(flushing);
        return all;
    }

    /** The active memtable moves to the flushing ones; {@code next} takes the commits. */
    public KeyspaceView switched(Memtable next) {
        List<Memtable> nowFlushing = new ArrayList<>(flushing.size() + 1);
        nowFlushing.add(active);
        nowFlushing.addAll(flushing);
        return new KeyspaceView(name, id, next, nowFlushing, tables);
    }

    /** A flushed memtable leaves; the table it became joins (none if the memtable was empty or discarded). */
    public KeyspaceView flushed(Memtable memtable, SortedTable table) {
        List<Memtable> stillFlushing = new ArrayList<>(flushing);
        stillFlushing.remove(memtable);
        List<SortedTable> live = new ArrayList<>(tables);
        if (table != null) live.add(table);
        return new KeyspaceView(name, id, active, stillFlushing, live);
    }

    /** Compaction's swap: the inputs leave, the outputs join. */
    public KeyspaceView replaced(List<SortedTable> inputs, List<SortedTable> outputs) {
        List<SortedTable> live = new ArrayList<>(tables);
        live.removeAll(inputs);
        live.addAll(outputs);
        return new KeyspaceView(name, id, active, flushing, live);
    }

    public boolean holdsAll(List<SortedTable> candidates) {
        return tables.containsAll(candidates);
    }
}
