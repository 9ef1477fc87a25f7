package io.modyn.engine.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bucket's arithmetic on a fake clock: burst, refill, the 300 s cap, charges after the fact. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewBucketHoldsThreeHundredSecondsOfCapacity() {
        TokenBucket bucket = new TokenBucket(5, 0);
        assertEquals(1500, bucket.balance(0), 1e-9);
    }

    @Test
    void burstIsSpentThenTheBucketRefusesUntilItRefills() {
        TokenBucket bucket = new TokenBucket(5, 0);
        for (int i = 0; i < 1500; i++) {
            assertTrue(bucket.admits(0), "request " + i);
            bucket.take(1, 0);
        }
        assertFalse(bucket.admits(0));
        assertTrue(bucket.admits(SECOND / 4), "a quarter second refills 1.25 units");
        assertEquals(5, bucket.balance(SECOND), 1e-9);
    }

    @Test
    void unusedCapacityAccumulatesOnlyUpToThreeHundredSeconds() {
        TokenBucket bucket = new TokenBucket(10, 0);
        bucket.take(3000, 0);
        assertEquals(0, bucket.balance(0), 1e-9);
        assertEquals(1000, bucket.balance(100 * SECOND), 1e-9);
        assertEquals(3000, bucket.balance(300 * SECOND), 1e-9);
        assertEquals(3000, bucket.balance(3600 * SECOND), 1e-9);
    }

    @Test
    void aLargeRequestDrivesTheBalanceNegativeAndLaterRequestsWaitForTheRefill() {
        TokenBucket bucket = new TokenBucket(1, 0);
        bucket.take(300, 0);
        assertFalse(bucket.admits(0));
        bucket.take(0.5, 0);
        bucket.take(10, 0);
        assertEquals(-10, bucket.balance(SECOND / 2), 1e-9);
        assertFalse(bucket.admits(10 * SECOND));
        assertTrue(bucket.admits(11 * SECOND));
    }

    @Test
    void aRaisedRateKeepsTheBalanceAndRefillsFaster() {
        TokenBucket bucket = new TokenBucket(5, 0);
        bucket.take(1510, 0);
        TokenBucket raised = bucket.withRate(100, 0);
        assertEquals(-10, raised.balance(0), 1e-9);
        assertTrue(raised.admits(SECOND / 5));
        assertEquals(30_000, raised.balance(1000 * SECOND), 1e-9);
    }

    @Test
    void aLoweredRateCapsTheBalanceAtTheNewBurst() {
        TokenBucket lowered = new TokenBucket(100, 0).withRate(1, 0);
        assertEquals(300, lowered.balance(0), 1e-9);
    }

    @Test
    void aClockReadEarlierByAnotherThreadNeitherRefillsNorLosesCharges() {
        TokenBucket bucket = new TokenBucket(1, 10 * SECOND);
        bucket.take(300, 10 * SECOND);
        bucket.take(1, 9 * SECOND);
        assertEquals(-1, bucket.balance(10 * SECOND), 1e-9);
    }

    @Test
    void concurrentChargesAreAllCounted() throws Exception {
        TokenBucket bucket = new TokenBucket(1000, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) futures.add(pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) bucket.take(1, 0);
            }));
            for (Future<?> f : futures) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(300_000 - 40_000, bucket.balance(0), 1e-6);
    }
}
