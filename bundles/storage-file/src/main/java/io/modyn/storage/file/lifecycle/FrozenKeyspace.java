package io.modyn.storage.file.lifecycle;

import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.sstable.SortedTable;
import java.util.List;

/**
 * What one keyspace held at one instant, frozen for a copy: memtables no commit changes any more
 * (the active one was switched out at that instant) and the sorted tables live then, each retained
 * by this object until {@link #release}. Its merged records are the keyspace's content at that
 * instant, whatever commits, flushes and compactions do meanwhile.
 */
public record FrozenKeyspace(String name, List<Memtable> memtables, List<SortedTable> tables) {

    public FrozenKeyspace {
        memtables = List.copyOf(memtables);
        tables = List.copyOf(tables);
    }

    /** Gives back the references on the tables. */
    public void release() {
        tables.forEach(SortedTable::release);
    }
}
