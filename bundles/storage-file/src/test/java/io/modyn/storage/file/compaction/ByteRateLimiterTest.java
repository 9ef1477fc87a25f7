package io.modyn.storage.file.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ByteRateLimiterTest {

    private long now = 1_000_000;
    private final ByteRateLimiter limiter = new ByteRateLimiter(1000, () -> now);

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Test
    void aFullBucketLetsOneSecondOfBytesThroughAtOnce() {
        assertEquals(0, limiter.reserve(600));
        assertEquals(0, limiter.reserve(400));
    }

    @Test
    void debtIsRepaidAtTheRate() {
        assertEquals(0, limiter.reserve(1000));
        assertEquals(500, millis(limiter.reserve(500)));
        // The next caller inherits the debt of the one before.
        assertEquals(1000, millis(limiter.reserve(500)));
        now += TimeUnit.MILLISECONDS.toNanos(1000);
        assertEquals(250, millis(limiter.reserve(250)));
    }

    @Test
    void idleTimeRefillsAtMostOneSecondOfBytes() {
        assertEquals(0, limiter.reserve(1000));
        now += TimeUnit.SECONDS.toNanos(60);
        assertEquals(0, limiter.reserve(1000));
        assertEquals(1000, millis(limiter.reserve(1000)));
    }

    @Test
    void theLongRunRateHoldsWhateverTheWriteSizes() {
        // 10 000 bytes in writes of 137: after the first second's bucket, 9 s of waiting.
        long waited = 0;
        for (int written = 0; written < 10_000; written += 137) {
            long wait = limiter.reserve(Math.min(137, 10_000 - written));
            waited = Math.max(waited, wait);
        }
        assertEquals(9000, millis(waited));
    }

    @Test
    void zeroMeansUnlimited() {
        ByteRateLimiter unlimited = new ByteRateLimiter(0, () -> now);
        assertEquals(0, unlimited.reserve(Long.MAX_VALUE / 2));
        assertEquals(0, unlimited.reserve(Long.MAX_VALUE / 2));
    }
}
