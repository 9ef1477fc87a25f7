package io.modyn.storage.file.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Several sources' versions merged into one stream in key order, one version per key: the one with
 * the highest sequence (of equal sequences, the source listed first). Reads merge memtables and
 * sorted tables with it, hiding tombstones; compaction merges its input tables with it, keeping
 * them, since whether a tombstone may go depends on tables outside the merge.
 *
 * <p>Every source must be ordered the same way as the merge (all ascending or all descending) and
 * hold at most one version per key. A heap of the sources' current records costs O(log n) per
 * version read, so merging the 32 tables of a large size-tiered bucket stays cheap. Closing the
 * merge closes every source, which releases the tables they hold. Not thread-safe.
 */
public final class MergedRecords implements RecordIterator {

    /** One source and the record it is positioned on. */
    private static final class Head {
        final RecordIterator source;
        final int rank;
        VersionedRecord current;

        Head(RecordIterator source, int rank) {
            this.source = source;
            this.rank = rank;
        }

        boolean advance() {
            if (source.hasNext()) {
                current = source.next();
                return true;
            }
            current = null;
            return false;
        }
    }

    private final List<RecordIterator> sources;
    private final boolean hideTombstones;
    private final PriorityQueue<Head> heads;
    private VersionedRecord next;
    private boolean started;
    private boolean closed;

    private MergedRecords(List<RecordIterator> sources, boolean descending, boolean hideTombstones) {
        this.sources = List.copyOf(sources);
        this.hideTombstones = hideTombstones;
        Comparator<Head> byKey = (a, b) -> a.current.key().compareTo(b.current.key());
        Comparator<Head> order = (descending ? byKey.reversed() : byKey).thenComparingInt(h -> h.rank);
        this.heads = new PriorityQueue<>(Math.max(1, sources.size()), order);
    }

    /**
     * Merges the sources, which this iterator then owns and closes.
     *
     * @param sources ordered as the merge is; of two versions with the same sequence, the one from
     *     the earlier source wins
     * @param descending whether the sources, and so the merge, run in descending key order
     * @param hideTombstones whether a key whose newest version is a tombstone is left out (reads)
     *     or returned as that tombstone (compaction)
     */
    public static MergedRecords of(List<? extends RecordIterator> sources, boolean descending, boolean hideTombstones) {
        return new MergedRecords(new ArrayList<>(sources), descending, hideTombstones);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            next = findNext();
        }
        return next != null;
    }

    @Override
    public VersionedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        VersionedRecord result = next;
        next = null;
        return result;
    }

    private VersionedRecord findNext() {
        if (!started) {
            // Sources are read lazily: opening a merge reads no block before the first hasNext.
            started = true;
            for (int i = 0; i < sources.size(); i++) {
                Head head = new Head(sources.get(i), i);
                if (head.advance()) {
                    heads.add(head);
                }
            }
        }
        while (!heads.isEmpty()) {
            Head first = heads.poll();
            VersionedRecord winner = first.current;
            requeue(first);
            while (!heads.isEmpty() && heads.peek().current.key().equals(winner.key())) {
                Head same = heads.poll();
                if (same.current.sequence() > winner.sequence()) {
                    winner = same.current;
                }
                requeue(same);
            }
            if (!(hideTombstones && winner.isTombstone())) {
                return winner;
            }
        }
        return null;
    }

    private void requeue(Head head) {
        if (head.advance()) {
            heads.add(head);
        }
    }

    /** Closes every source, even when one fails to; the first failure is rethrown after. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        heads.clear();
        RuntimeException failure = null;
        for (RecordIterator source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
