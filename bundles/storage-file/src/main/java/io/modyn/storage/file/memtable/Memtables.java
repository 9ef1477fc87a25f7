package io.modyn.storage.file.memtable;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.mutation.Mutation;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live memtables by keyspace name, and the one place mutations are applied: live commits and
 * recovery (snapshot load and log replay) both go through {@link #apply}, so what a restart
 * rebuilds is what the running engine held.
 */
public final class Memtables {

    private final ConcurrentHashMap<String, Memtable> byKeyspace = new ConcurrentHashMap<>();

    /** The keyspace's memtable, or null if the keyspace does not exist. */
    public Memtable get(String keyspace) {
        return byKeyspace.get(keyspace);
    }

    /** The memtables live now (a copy: keyspaces created or dropped later do not change it). */
    public List<Memtable> all() {
        return List.copyOf(byKeyspace.values());
    }

    public int size() {
        return byKeyspace.size();
    }

    /**
     * Applies a committed batch, logged at {@code position}.
     *
     * @throws IllegalStateException if a record mutation names a keyspace that does not exist:
     *     commits check keyspaces before they log, so a log that does this is not one we wrote
     */
    public void apply(List<Mutation> batch, CommitLogPosition position) {
        for (Mutation mutation : batch) {
            switch (mutation.kind()) {
                case CREATE_KEYSPACE -> byKeyspace.computeIfAbsent(mutation.keyspace(), name -> new Memtable(name, position));
                case DROP_KEYSPACE -> byKeyspace.remove(mutation.keyspace());
                case PUT -> existing(mutation).put(mutation.partition(), mutation.sort(), mutation.value());
                case DELETE -> existing(mutation).delete(mutation.partition(), mutation.sort());
            }
        }
    }

    private Memtable existing(Mutation mutation) {
        Memtable memtable = byKeyspace.get(mutation.keyspace());
        if (memtable == null) throw new IllegalStateException("mutation of keyspace " + mutation.keyspace() + ", which does not exist");
        return memtable;
    }
}
