package io.modyn.storage.file.memtable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.KeyspaceStatistics;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.mutation.Mutation;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class MemtableTest {

    private final Memtable memtable = new Memtable("t", CommitLogPosition.startOf(1));

    @Test
    void statisticsCountKeyAndValueBytes() {
        memtable.put(new byte[] {1}, new byte[] {2, 3}, new byte[10]);
        memtable.put(new byte[] {1}, new byte[] {4}, new byte[5]);
        assertEquals(new KeyspaceStatistics(2, 13 + 7), memtable.statistics());
        memtable.put(new byte[] {1}, new byte[] {4}, new byte[1]);
        assertEquals(new KeyspaceStatistics(2, 13 + 3), memtable.statistics());
        memtable.delete(new byte[] {1}, new byte[] {2, 3});
        memtable.delete(new byte[] {1}, new byte[] {2, 3});
        assertEquals(new KeyspaceStatistics(1, 3), memtable.statistics());
    }

    @Test
    void queryOfAPartitionIgnoresAPartitionItPrefixes() {
        memtable.put(new byte[] {7}, new byte[] {1}, new byte[] {1});
        memtable.put(new byte[] {7, 0}, new byte[] {}, new byte[] {2});
        memtable.put(new byte[] {7, (byte) 0xff}, new byte[] {}, new byte[] {3});
        try (RecordCursor cursor = memtable.query(new byte[] {7}, KeyRange.all(), false)) {
            StorageRecord only = cursor.next();
            assertArrayEquals(new byte[] {1}, only.value());
            assertFalse(cursor.hasNext());
        }
    }

    @Test
    void closedCursorYieldsNothing() {
        memtable.put(new byte[] {1}, new byte[] {1}, new byte[] {1});
        RecordCursor cursor = memtable.scan(0, 1, null);
        cursor.close();
        assertFalse(cursor.hasNext());
        assertThrows(NoSuchElementException.class, cursor::next);
    }

    @Test
    void lowerBoundOnlyRises() {
        memtable.persistedUpTo(new CommitLogPosition(3, 100));
        memtable.persistedUpTo(new CommitLogPosition(2, 500));
        assertEquals(new CommitLogPosition(3, 100), memtable.commitLogLowerBound());
    }

    @Test
    void memtablesApplyBatchesAndTrackKeyspaces() {
        Memtables memtables = new Memtables();
        CommitLogPosition position = new CommitLogPosition(4, 40);
        memtables.apply(List.of(Mutation.createKeyspace("a"), Mutation.put("a", new byte[] {1}, new byte[0], new byte[] {9})), position);
        assertArrayEquals(new byte[] {9}, memtables.get("a").get(new byte[] {1}, new byte[0]));
        assertEquals(position, memtables.get("a").commitLogLowerBound());
        memtables.apply(List.of(Mutation.dropKeyspace("a")), position);
        assertNull(memtables.get("a"));
        assertThrows(IllegalStateException.class,
                () -> memtables.apply(List.of(Mutation.delete("a", new byte[] {1}, new byte[0])), position));
    }
}
