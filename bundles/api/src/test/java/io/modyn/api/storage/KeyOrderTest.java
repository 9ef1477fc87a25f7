package io.modyn.api.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    @Test
    void bytesCompareUnsignedAndAPrefixSortsFirst() {
        assertTrue(KeyOrder.compareBytes(new byte[] {0x7f}, new byte[] {(byte) 0x80}) < 0);
        assertTrue(KeyOrder.compareBytes(new byte[] {1}, new byte[] {1, 0}) < 0);
        assertTrue(KeyOrder.compareBytes(new byte[] {}, new byte[] {0}) < 0);
        assertEquals(0, KeyOrder.compareBytes(new byte[] {1, 2}, new byte[] {1, 2}));
    }

    @Test
    void tokenDecidesBeforePartitionBytes() {
        byte[] low = {(byte) 0xff};
        byte[] high = {0};
        assertTrue(KeyOrder.compare(-5, low, new byte[0], 3, high, new byte[0]) < 0);
    }

    @Test
    void tokensCompareSigned() {
        assertTrue(KeyOrder.compare(Long.MIN_VALUE, new byte[0], new byte[0], Long.MAX_VALUE, new byte[0], new byte[0]) < 0);
    }

    @Test
    void sortBytesDecideWithinAPartition() {
        byte[] p = {9};
        assertTrue(KeyOrder.compare(1, p, new byte[] {1}, 1, p, new byte[] {(byte) 0xf0}) < 0);
    }

    @Test
    void storageKeysSortByTokenThenPartitionThenSort() {
        List<StorageKey> keys = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            for (int s = 3; s >= 0; s--) keys.add(new StorageKey(new byte[] {(byte) p}, new byte[] {(byte) (s * 70)}));
        }
        Collections.shuffle(keys, new java.util.Random(7));
        Collections.sort(keys);
        for (int i = 1; i < keys.size(); i++) {
            StorageKey a = keys.get(i - 1);
            StorageKey b = keys.get(i);
            int partitions = KeyOrder.compareBytes(a.partition(), b.partition());
            boolean ordered = a.token() < b.token()
                    || (a.token() == b.token() && partitions < 0)
                    || (partitions == 0 && KeyOrder.compareBytes(a.sort(), b.sort()) < 0);
            assertTrue(ordered, a + " before " + b);
        }
    }

    @Test
    void storageKeysAreEqualByContent() {
        StorageKey a = new StorageKey(new byte[] {1}, new byte[] {2});
        StorageKey b = new StorageKey(new byte[] {1}, new byte[] {2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertNotEquals(a, new StorageKey(new byte[] {1}, new byte[] {3}));
    }

    @Test
    void storageKeyRequiresBothParts() {
        assertThrows(NullPointerException.class, () -> new StorageKey(null, new byte[0]));
        assertThrows(NullPointerException.class, () -> new StorageKey(new byte[0], null));
    }
}
