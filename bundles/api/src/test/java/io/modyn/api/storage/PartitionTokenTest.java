package io.modyn.api.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PartitionTokenTest {

    @Test
    void tokenIsStableForTheSameBytes() {
        byte[] key = "customer#42".getBytes(StandardCharsets.UTF_8);
        assertEquals(PartitionToken.of(key), PartitionToken.of(key.clone()));
    }

    @Test
    void nearlyEqualKeysGetDistantTokens() {
        long a = PartitionToken.of(new byte[] {1});
        long b = PartitionToken.of(new byte[] {2});
        assertNotEquals(a, b);
        // The finaliser should flip many high bits, so neighbours do not share a scan segment.
        assertTrue(Long.bitCount(a ^ b) > 10, "tokens differ in " + Long.bitCount(a ^ b) + " bits");
    }

    @Test
    void firstSegmentStartsAtTheSmallestToken() {
        for (int n = 1; n <= 17; n++) {
            assertEquals(Long.MIN_VALUE, PartitionToken.segmentStart(0, n));
        }
    }

    @Test
    void twoSegmentsSplitAtZero() {
        assertEquals(0L, PartitionToken.segmentStart(1, 2));
    }

    @Test
    void fourSegmentsSplitIntoEqualQuarters() {
        assertEquals(Long.MIN_VALUE / 2, PartitionToken.segmentStart(1, 4));
        assertEquals(0L, PartitionToken.segmentStart(2, 4));
        assertEquals(Long.MAX_VALUE / 2 + 1, PartitionToken.segmentStart(3, 4));
    }

    @Test
    void segmentStartsIncreaseStrictly() {
        for (int n : new int[] {2, 3, 7, 10, 1000, 1_000_000}) {
            long previous = PartitionToken.segmentStart(0, n);
            int step = Math.max(1, n / 500);
            for (int i = step; i < n; i += step) {
                long start = PartitionToken.segmentStart(i, n);
                assertTrue(start > previous, "segment " + i + " of " + n);
                previous = start;
            }
        }
    }

    @Test
    void segmentOfInvertsSegmentStartAtEveryBoundary() {
        for (int n : new int[] {1, 2, 3, 5, 8, 13, 64, 1000}) {
            for (int i = 0; i < n; i++) {
                long start = PartitionToken.segmentStart(i, n);
                assertEquals(i, PartitionToken.segmentOf(start, n), "start of " + i + " of " + n);
                if (i > 0) assertEquals(i - 1, PartitionToken.segmentOf(start - 1, n), "just before " + i + " of " + n);
            }
            assertEquals(n - 1, PartitionToken.segmentOf(Long.MAX_VALUE, n));
            assertEquals(0, PartitionToken.segmentOf(Long.MIN_VALUE, n));
        }
    }

    @Test
    void segmentsAreNearlyEqualInSize() {
        int n = 3;
        long first = PartitionToken.segmentStart(1, n) - PartitionToken.segmentStart(0, n);
        long second = PartitionToken.segmentStart(2, n) - PartitionToken.segmentStart(1, n);
        assertTrue(Math.abs(first - second) <= 1, first + " vs " + second);
    }

    @Test
    void invalidSegmentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PartitionToken.segmentStart(0, 0));
        assertThrows(IllegalArgumentException.class, () -> PartitionToken.segmentStart(2, 2));
        assertThrows(IllegalArgumentException.class, () -> PartitionToken.segmentStart(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> PartitionToken.segmentOf(0L, 0));
    }
}
