package io.modyn.storage.file.memtable;

import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.RecordSource;
import io.modyn.storage.file.record.VersionedRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The newest versions of one keyspace's records, in memory, in {@link io.modyn.api.storage.KeyOrder}:
 * a concurrent skip list of {@link VersionedRecord}s, so reads never lock and see each version
 * whole while commits apply. A delete is kept as a tombstone, which shadows older versions in
 * sorted tables until compaction may drop it.
 *
 * <p>A memtable covers a stretch of the commit log: every mutation of its keyspace logged after
 * {@link #commitLogLowerBound()} (the position at which it became the active memtable) and up to
 * the position at which it is switched out for flushing. Segments that a non-empty memtable still
 * covers must stay; once it is flushed to a sorted table, they may go.
 *
 * <p>Writes to one key never race: live commits hold the key's lock while they apply, and replay
 * is single-threaded. The counters rely on that.
 */
public final class Memtable implements RecordSource {

    /** What a skip-list entry and its objects cost beyond key and value bytes, roughly, for the budget. */
    static final int ENTRY_OVERHEAD = 120;

    private final ConcurrentSkipListMap<OrderedKey, VersionedRecord> records = new ConcurrentSkipListMap<>();
    private final CommitLogPosition commitLogLowerBound;
    private final LongAdder liveCount = new LongAdder();
    private final LongAdder liveBytes = new LongAdder();
    private final LongAdder tombstones = new LongAdder();
    private final AtomicLong memoryBytes = new AtomicLong();
    private volatile long firstWriteMillis;
    private volatile long lastWriteMillis;

    public Memtable(CommitLogPosition commitLogLowerBound) {
        this.commitLogLowerBound = commitLogLowerBound;
    }

    /** Sets the key's version; a null value is a tombstone. Returns the memory the memtable grew by. */
    public long apply(OrderedKey key, long sequence, byte[] value) {
        VersionedRecord record = new VersionedRecord(key, sequence, value);
        VersionedRecord previous = records.put(key, record);
        long grown = memory(record);
        if (previous == null) {
            if (firstWriteMillis == 0) firstWriteMillis = System.currentTimeMillis();
        } else {
            grown -= memory(previous);
            count(previous, -1);
        }
        count(record, 1);
        lastWriteMillis = System.currentTimeMillis();
        memoryBytes.addAndGet(grown);
        return grown;
    }

    private void count(VersionedRecord record, int sign) {
        if (record.isTombstone()) {
            tombstones.add(sign);
        } else {
            liveCount.add(sign);
            liveBytes.add(sign * (long) record.size());
        }
    }

    private static long memory(VersionedRecord record) {
        return ENTRY_OVERHEAD + 2L * record.key().size() + (record.value() == null ? 0 : record.value().length);
    }

    @Override
    public VersionedRecord get(OrderedKey key) {
        return records.get(key);
    }

    @Override
    public RecordIterator range(OrderedKey from, boolean fromInclusive, OrderedKey to, boolean toInclusive, boolean descending) {
        if (from != null && to != null) {
            int c = from.compareTo(to);
            if (c > 0 || (c == 0 && !(fromInclusive && toInclusive))) return iterator(Collections.emptyIterator());
        }
        NavigableMap<OrderedKey, VersionedRecord> view = records;
        if (from != null && to != null) view = records.subMap(from, fromInclusive, to, toInclusive);
        else if (from != null) view = records.tailMap(from, fromInclusive);
        else if (to != null) view = records.headMap(to, toInclusive);
        return iterator((descending ? view.descendingMap() : view).values().iterator());
    }

    /** Every version in key order, weakly consistent (flushes read a memtable no commit changes any more). */
    public RecordIterator all() {
        return iterator(records.values().iterator());
    }

    private static RecordIterator iterator(Iterator<VersionedRecord> versions) {
        return new RecordIterator() {
            @Override
            public boolean hasNext() {
                return versions.hasNext();
            }

            @Override
            public VersionedRecord next() {
                return versions.next();
            }

            @Override
            public void close() {
                // Nothing to release: the skip list is in memory.
            }
        };
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** Versions held, tombstones included. */
    public int size() {
        return records.size();
    }

    /** Heap the versions take, roughly: what the memtable budget counts. */
    public long memoryBytes() {
        return memoryBytes.get();
    }

    /** Records that are not tombstones, and their key and value bytes. */
    public KeyspaceStatistics statistics() {
        return new KeyspaceStatistics(liveCount.sum(), liveBytes.sum());
    }

    public long tombstoneCount() {
        return tombstones.sum();
    }

    /** When the first version was written, or 0 if none: the low end of its sorted table's time range. */
    public long firstWriteMillis() {
        return firstWriteMillis;
    }

    public long lastWriteMillis() {
        return lastWriteMillis;
    }

    public CommitLogPosition commitLogLowerBound() {
        return commitLogLowerBound;
    }
}
