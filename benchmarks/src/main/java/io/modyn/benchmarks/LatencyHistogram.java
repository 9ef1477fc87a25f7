package io.modyn.benchmarks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, counted in log-linear buckets: exact below 64 µs, then 32 buckets per
 * power of two (within 3%), so that a histogram is a fixed array of about 1,200 counters that many
 * client threads increment without a lock, and percentiles of any window cost one walk.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKET_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int LINEAR_LIMIT = 2 * SUB_BUCKETS;
    private static final int MAX_EXPONENT = 40; // 2^40 µs: twelve days
    private static final int BUCKETS = LINEAR_LIMIT + (MAX_EXPONENT - SUB_BUCKET_BITS) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void recordNanos(long nanos) {
        counts.incrementAndGet(bucketOf(Math.max(0, nanos / 1000)));
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long count = other.counts.get(i);
            if (count != 0) counts.addAndGet(i, count);
        }
    }

    long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) total += counts.get(i);
        return total;
    }

    /** The latency at or below which {@code percentile} % of the recorded ones lie, in milliseconds; NaN if empty. */
    double percentileMillis(double percentile) {
        long total = count();
        if (total == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) return representativeMicros(i) / 1000.0;
        }
        return representativeMicros(BUCKETS - 1) / 1000.0;
    }

    double maxMillis() {
        for (int i = BUCKETS - 1; i >= 0; i--) {
            if (counts.get(i) != 0) return representativeMicros(i) / 1000.0;
        }
        return Double.NaN;
    }

    static int bucketOf(long micros) {
        if (micros < LINEAR_LIMIT) return (int) micros;
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent >= MAX_EXPONENT) return BUCKETS - 1;
        int shift = exponent - SUB_BUCKET_BITS;
        int sub = (int) (micros >>> shift) - SUB_BUCKETS;
        return LINEAR_LIMIT + (exponent - SUB_BUCKET_BITS - 1) * SUB_BUCKETS + sub;
    }

    /** The middle of a bucket's range of microseconds. */
    static double representativeMicros(int bucket) {
        if (bucket < LINEAR_LIMIT) return bucket;
        int exponent = (bucket - LINEAR_LIMIT) / SUB_BUCKETS + SUB_BUCKET_BITS + 1;
        int sub = (bucket - LINEAR_LIMIT) % SUB_BUCKETS;
        int shift = exponent - SUB_BUCKET_BITS;
        long low = (long) (SUB_BUCKETS + sub) << shift;
        return low + ((1L << shift) - 1) / 2.0;
    }
}
