package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.record.Sequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the manifest says is live, immutable: each edit makes a new state ({@link #apply}), and the
 * same method serves live edits and replay at open, so a restart rebuilds exactly what the engine
 * had.
 *
 * @param keyspaces the live keyspaces by name, in name order
 * @param nextGeneration the next table generation {@link Manifest#allocateGeneration()} hands out
 * @param nextKeyspaceId the lowest id a new keyspace may take
 * @param firstSegmentId commit-log segments below this id hold nothing to replay (they are an
 *     upgrade's legacy log, deleted once the upgrade completes); the engine numbers new segments
 *     from at least this id
 */
public record ManifestState(Map<String, KeyspaceEntry> keyspaces, long nextGeneration, long nextKeyspaceId, long firstSegmentId) {

    /** A new data directory: nothing live, generations and ids from 1. */
    public static final ManifestState EMPTY = new ManifestState(Map.of(), 1, 1, 0);

    public ManifestState {
        keyspaces = Collections.unmodifiableMap(new TreeMap<>(keyspaces));
    }

    /** The live keyspace of this name, or null. */
    public KeyspaceEntry keyspace(String name) {
        return keyspaces.get(name);
    }

    /**
     * The lowest id the engine's next commit-log segment may take so that its positions follow
     * every position this state refers to ({@link #firstSegmentId}, each keyspace's flushed-up-to
     * position and creation sequence).
     */
    public long minimumNextSegmentId() {
        long minimum = Math.max(firstSegmentId, 1);
        for (KeyspaceEntry keyspace : keyspaces.values()) {
            minimum = Math.max(minimum, keyspace.flushedUpTo().segmentId() + 1);
            minimum = Math.max(minimum, Sequence.position(keyspace.createdAtSequence()).segmentId() + 1);
        }
        return minimum;
    }

    ManifestState withNextGeneration(long next) {
        return new ManifestState(keyspaces, next, nextKeyspaceId, firstSegmentId);
    }

    /**
     * The state after an edit.
     *
     * @throws IllegalStateException if the edit does not fit this state (a keyspace that is not
     *     live, a table that is not live or already is): a manifest we wrote never holds one
     */
    ManifestState apply(ManifestEdit edit) {
        if (edit instanceof ManifestEdit.Snapshot snapshot) return snapshot.state();
        if (edit instanceof ManifestEdit.KeyspaceCreated created) return created(created);
        if (edit instanceof ManifestEdit.KeyspaceDropped dropped) {
            Map<String, KeyspaceEntry> after = new TreeMap<>(keyspaces);
            after.remove(live(dropped.name()).name());
            return new ManifestState(after, nextGeneration, nextKeyspaceId, firstSegmentId);
        }
        if (edit instanceof ManifestEdit.Flushed flushed) return flushed(flushed);
        if (edit instanceof ManifestEdit.Replaced replaced) return replaced(replaced);
        if (edit instanceof ManifestEdit.GenerationsReserved reserved) {
            return new ManifestState(keyspaces, Math.max(nextGeneration, reserved.upTo()), nextKeyspaceId, firstSegmentId);
        }
        if (edit instanceof ManifestEdit.CommitLogStarts starts) {
            return new ManifestState(keyspaces, nextGeneration, nextKeyspaceId, Math.max(firstSegmentId, starts.segmentId()));
        }
        throw new IllegalArgumentException("unknown manifest edit " + edit);
    }

    private ManifestState created(ManifestEdit.KeyspaceCreated created) {
        if (keyspaces.containsKey(created.name())) throw new IllegalStateException("keyspace " + created.name() + " already exists");
        if (created.id() < nextKeyspaceId) {
            throw new IllegalStateException("keyspace id " + created.id() + " of " + created.name() + " is below the next free id " + nextKeyspaceId);
        }
        KeyspaceEntry entry = new KeyspaceEntry(created.name(), created.id(), created.createdAtSequence(),
                Sequence.position(created.createdAtSequence()), List.of());
        return with(entry, nextGeneration, created.id() + 1);
    }

    private ManifestState flushed(ManifestEdit.Flushed flushed) {
        KeyspaceEntry keyspace = live(flushed.name());
        if (flushed.flushedUpTo().compareTo(keyspace.flushedUpTo()) < 0) {
            throw new IllegalStateException("keyspace " + keyspace.name() + " flushed up to " + flushed.flushedUpTo()
                    + ", before its earlier flush up to " + keyspace.flushedUpTo());
        }
        List<TableEntry> tables = new ArrayList<>(keyspace.tables());
        long next = nextGeneration;
        if (flushed.added() != null) {
            requireNotLive(keyspace, flushed.added());
            tables.add(flushed.added());
            next = Math.max(next, flushed.added().generation() + 1);
        }
        return with(new KeyspaceEntry(keyspace.name(), keyspace.id(), keyspace.createdAtSequence(), flushed.flushedUpTo(), tables),
                next, nextKeyspaceId);
    }

    private ManifestState replaced(ManifestEdit.Replaced replaced) {
        KeyspaceEntry keyspace = live(replaced.name());
        Set<Long> removed = new HashSet<>(replaced.removedGenerations());
        for (long generation : removed) {
            if (!keyspace.hasTable(generation)) {
                throw new IllegalStateException("table generation " + generation + " of keyspace " + keyspace.name() + " is not live");
            }
        }
        List<TableEntry> tables = new ArrayList<>(keyspace.tables());
        tables.removeIf(table -> removed.contains(table.generation()));
        long next = nextGeneration;
        for (TableEntry added : replaced.added()) {
            requireNotLive(keyspace, added);
            for (TableEntry other : tables) {
                if (other.generation() == added.generation()) throw new IllegalStateException("table generation " + added.generation() + " added twice");
            }
            tables.add(added);
            next = Math.max(next, added.generation() + 1);
        }
        return with(new KeyspaceEntry(keyspace.name(), keyspace.id(), keyspace.createdAtSequence(), keyspace.flushedUpTo(), tables),
                next, nextKeyspaceId);
    }

    private KeyspaceEntry live(String name) {
        KeyspaceEntry keyspace = keyspaces.get(name);
        if (keyspace == null) throw new IllegalStateException("keyspace " + name + " does not exist");
        return keyspace;
    }

    private static void requireNotLive(KeyspaceEntry keyspace, TableEntry table) {
        if (keyspace.hasTable(table.generation())) {
            throw new IllegalStateException("table generation " + table.generation() + " of keyspace " + keyspace.name() + " is already live");
        }
    }

    private ManifestState with(KeyspaceEntry entry, long next, long nextId) {
        Map<String, KeyspaceEntry> after = new TreeMap<>(keyspaces);
        after.put(entry.name(), entry);
        return new ManifestState(after, next, nextId, firstSegmentId);
    }
}
