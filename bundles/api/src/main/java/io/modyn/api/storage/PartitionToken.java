package io.modyn.api.storage;

import java.math.BigInteger;

/**
 * The partition token: a 64-bit hash of the partition key bytes, and the split of the token space
 * into Scan segments. Defined here, not in a backend, so that every backend orders and segments a
 * table the same way and a client's Scan pagination survives a change of backend.
 */
public final class PartitionToken {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PartitionToken() {
    }

    /** FNV-1a over the bytes, then a SplitMix64 finaliser so that near-equal keys spread widely. */
    public static long of(byte[] partition) {
        long h = FNV_OFFSET;
        for (byte b : partition) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /**
     * The SplitMix64 finaliser the token ends with: spreads every input bit over the whole word. A
     * backend that derives further hashes from keys (a Bloom filter's) finishes them with it too.
     */
    public static long mix(long h) {
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    /**
     * The first token of a segment: segment {@code i} of {@code n} covers tokens from
     * {@code segmentStart(i, n)} inclusive to {@code segmentStart(i + 1, n)} exclusive, and the last
     * segment runs to {@link Long#MAX_VALUE} inclusive.
     */
    public static long segmentStart(int segment, int totalSegments) {
        checkSegment(segment, totalSegments);
        // Long.MIN_VALUE + floor(2^64 * segment / totalSegments), computed exactly.
        BigInteger span = BigInteger.ONE.shiftLeft(64)
                .multiply(BigInteger.valueOf(segment))
                .divide(BigInteger.valueOf(totalSegments));
        return Long.MIN_VALUE + span.longValue();
    }

    /** The segment a token falls in. */
    public static int segmentOf(long token, int totalSegments) {
        checkSegment(0, totalSegments);
        int lo = 0;
        int hi = totalSegments - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segmentStart(mid, totalSegments) <= token) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static void checkSegment(int segment, int totalSegments) {
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment " + segment + " of " + totalSegments);
        }
    }
}
