package io.modyn.storage.file.memtable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemtableTest {

    private final Memtable memtable = new Memtable(CommitLogPosition.startOf(1));

    private static OrderedKey key(int partition, int sort) {
        return OrderedKey.of(new byte[] {(byte) partition}, new byte[] {(byte) sort});
    }

    private static List<OrderedKey> keys(RecordIterator records) {
        List<OrderedKey> keys = new ArrayList<>();
        try (records) {
            while (records.hasNext()) keys.add(records.next().key());
        }
        return keys;
    }

    @Test
    void statisticsCountLiveRecordsAndTheirKeyAndValueBytes() {
        memtable.apply(OrderedKey.of(new byte[] {1}, new byte[] {2, 3}), 10, new byte[10]);
        memtable.apply(OrderedKey.of(new byte[] {1}, new byte[] {4}), 11, new byte[5]);
        assertEquals(new KeyspaceStatistics(2, 13 + 7), memtable.statistics());
        memtable.apply(OrderedKey.of(new byte[] {1}, new byte[] {4}), 12, new byte[1]);
        assertEquals(new KeyspaceStatistics(2, 13 + 3), memtable.statistics());
        memtable.apply(OrderedKey.of(new byte[] {1}, new byte[] {2, 3}), 13, null);
        memtable.apply(OrderedKey.of(new byte[] {1}, new byte[] {2, 3}), 14, null);
        assertEquals(new KeyspaceStatistics(1, 3), memtable.statistics());
        assertEquals(1, memtable.tombstoneCount());
        assertEquals(2, memtable.size(), "a delete is kept as a tombstone");
    }

    @Test
    void deleteIsATombstoneWithItsSequence() {
        memtable.apply(key(1, 1), 5, new byte[] {9});
        memtable.apply(key(1, 1), 6, null);
        VersionedRecord tombstone = memtable.get(key(1, 1));
        assertTrue(tombstone.isTombstone());
        assertEquals(6, tombstone.sequence());
        assertNull(memtable.get(key(1, 2)));
    }

    @Test
    void memoryGrowsWithWritesAndFollowsOverwrites() {
        long grown = memtable.apply(key(1, 1), 1, new byte[1000]);
        assertTrue(grown > 1000);
        assertEquals(grown, memtable.memoryBytes());
        long shrunk = memtable.apply(key(1, 1), 2, new byte[10]);
        assertEquals(-990, shrunk);
        assertEquals(grown - 990, memtable.memoryBytes());
    }

    @Test
    void rangesRunInBothDirectionsWithinBounds() {
        for (int sort = 0; sort < 5; sort++) memtable.apply(key(7, sort), sort + 1, new byte[] {(byte) sort});
        assertEquals(List.of(key(7, 1), key(7, 2), key(7, 3)), keys(memtable.range(key(7, 1), true, key(7, 4), false, false)));
        assertEquals(List.of(key(7, 3), key(7, 2)), keys(memtable.range(key(7, 1), false, key(7, 3), true, true)));
        assertEquals(5, keys(memtable.range(null, false, null, false, false)).size());
        assertEquals(List.of(), keys(memtable.range(key(7, 3), false, key(7, 3), true, false)));
        assertEquals(List.of(key(7, 4), key(7, 3)), keys(memtable.range(key(7, 3), true, null, false, true)));
    }

    @Test
    void keepsItsLowerBoundAndWriteTimes() {
        assertEquals(CommitLogPosition.startOf(1), memtable.commitLogLowerBound());
        assertEquals(0, memtable.firstWriteMillis());
        long before = System.currentTimeMillis();
        memtable.apply(key(1, 1), 1, new byte[] {1});
        assertTrue(memtable.firstWriteMillis() >= before);
        assertTrue(memtable.lastWriteMillis() >= memtable.firstWriteMillis());
        assertFalse(memtable.isEmpty());
        assertArrayEquals(new byte[] {1}, memtable.get(key(1, 1)).value());
    }
}
