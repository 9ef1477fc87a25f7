package io.modyn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinThreePercentOfTheRecordedLatencies() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 100_000; micros++) histogram.recordNanos(micros * 1000L);
        assertEquals(100_000, histogram.count());
        assertEquals(50.0, histogram.percentileMillis(50), 50.0 * 0.03);
        assertEquals(99.0, histogram.percentileMillis(99), 99.0 * 0.03);
        assertEquals(100.0, histogram.maxMillis(), 100.0 * 0.03);
    }

    @Test
    void smallLatenciesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordNanos(17_000);
        assertEquals(0.017, histogram.percentileMillis(99), 1e-9);
    }

    @Test
    void everyBucketHoldsTheValuesThatMapToIt() {
        for (long micros = 0; micros < 10_000_000; micros = micros * 11 / 10 + 1) {
            int bucket = LatencyHistogram.bucketOf(micros);
            double representative = LatencyHistogram.representativeMicros(bucket);
            assertTrue(Math.abs(representative - micros) <= Math.max(1, micros * 0.032), micros + " -> " + representative);
            assertTrue(bucket >= LatencyHistogram.bucketOf(micros / 2), "buckets ascend with the latency");
        }
    }

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertTrue(Double.isNaN(new LatencyHistogram().percentileMillis(99)));
    }

    @Test
    void addMergesCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.recordNanos(1_000_000);
        b.recordNanos(9_000_000);
        a.add(b);
        assertEquals(2, a.count());
        assertEquals(9.0, a.maxMillis(), 9.0 * 0.03);
    }
}
