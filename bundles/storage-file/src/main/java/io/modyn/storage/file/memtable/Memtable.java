package io.modyn.storage.file.memtable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageKey;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-memory records of one keyspace, in {@link io.modyn.api.storage.KeyOrder}: a concurrent
 * skip list, so reads never lock and see each record whole while commits apply.
 *
 * <p>A memtable knows the commit-log position its content is covered from: mutations of its
 * keyspace before {@link #commitLogLowerBound()} are held elsewhere on disk (today the snapshot),
 * those after it only in the log. A checkpoint raises the bound when it has persisted the
 * memtable, and only log segments below every live bound may be deleted. This is the seam where
 * a flush to sorted tables will take over from whole-state snapshots.
 *
 * <p>Writes to one key never race: live commits hold the key's lock while they apply, and replay
 * is single-threaded. Statistics rely on that.
 */
public final class Memtable {

    private final String keyspace;
    private final ConcurrentSkipListMap<OrderedKey, byte[]> records = new ConcurrentSkipListMap<>();
    private final LongAdder recordCount = new LongAdder();
    private final LongAdder sizeBytes = new LongAdder();
    private volatile CommitLogPosition commitLogLowerBound;

    public Memtable(String keyspace, CommitLogPosition commitLogLowerBound) {
        this.keyspace = keyspace;
        this.commitLogLowerBound = commitLogLowerBound;
    }

    public String keyspace() {
        return keyspace;
    }

    public byte[] get(byte[] partition, byte[] sort) {
        return records.get(OrderedKey.of(partition, sort));
    }

    public void put(byte[] partition, byte[] sort, byte[] value) {
        OrderedKey key = OrderedKey.of(partition, sort);
        byte[] previous = records.put(key, value);
        if (previous == null) {
            recordCount.increment();
            sizeBytes.add(key.size() + value.length);
        } else {
            sizeBytes.add(value.length - previous.length);
        }
    }

    public void delete(byte[] partition, byte[] sort) {
        OrderedKey key = OrderedKey.of(partition, sort);
        byte[] previous = records.remove(key);
        if (previous != null) {
            recordCount.decrement();
            sizeBytes.add(-(key.size() + previous.length));
        }
    }

    /** The records of one partition whose sort key is in the range, in either direction. */
    public RecordCursor query(byte[] partition, KeyRange range, boolean descending) {
        if (range.isEmpty()) return MemtableCursor.empty();
        long token = PartitionToken.of(partition);
        OrderedKey from = range.lower() == null
                ? OrderedKey.firstOfPartition(token, partition)
                : new OrderedKey(token, partition, range.lower());
        boolean fromInclusive = range.lower() == null || range.lowerInclusive();
        OrderedKey to = range.upper() == null
                ? OrderedKey.afterPartition(token, partition)
                : new OrderedKey(token, partition, range.upper());
        boolean toInclusive = range.upper() != null && range.upperInclusive();
        NavigableMap<OrderedKey, byte[]> view = records.subMap(from, fromInclusive, to, toInclusive);
        return new MemtableCursor((descending ? view.descendingMap() : view).entrySet().iterator());
    }

    /** The records of one scan segment in key order, strictly after {@code exclusiveStart} if given. */
    public RecordCursor scan(int segment, int totalSegments, StorageKey exclusiveStart) {
        OrderedKey from = OrderedKey.firstOfToken(PartitionToken.segmentStart(segment, totalSegments));
        boolean fromInclusive = true;
        if (exclusiveStart != null) {
            OrderedKey start = OrderedKey.of(exclusiveStart.partition(), exclusiveStart.sort());
            if (start.compareTo(from) >= 0) {
                from = start;
                fromInclusive = false;
            }
        }
        NavigableMap<OrderedKey, byte[]> view;
        if (segment + 1 < totalSegments) {
            OrderedKey to = OrderedKey.firstOfToken(PartitionToken.segmentStart(segment + 1, totalSegments));
            if (from.compareTo(to) >= 0) return MemtableCursor.empty();
            view = records.subMap(from, fromInclusive, to, false);
        } else {
            view = records.tailMap(from, fromInclusive);
        }
        return new MemtableCursor(view.entrySet().iterator());
    }

    /** Every record in key order, weakly consistent (for a snapshot taken while commits continue). */
    public Iterator<Map.Entry<OrderedKey, byte[]>> records() {
        return records.entrySet().iterator();
    }

    public KeyspaceStatistics statistics() {
        return new KeyspaceStatistics(recordCount.sum(), sizeBytes.sum());
    }

    public CommitLogPosition commitLogLowerBound() {
        return commitLogLowerBound;
    }

    /** Records that everything of this memtable before {@code position} is now persisted outside the log. */
    public void persistedUpTo(CommitLogPosition position) {
        if (position.compareTo(commitLogLowerBound) > 0) commitLogLowerBound = position;
    }
}
