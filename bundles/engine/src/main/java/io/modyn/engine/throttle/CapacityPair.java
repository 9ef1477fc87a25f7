package io.modyn.engine.throttle;

/** The read and the write bucket of one provisioned table or global secondary index. */
record CapacityPair(TokenBucket reads, TokenBucket writes) {

    static CapacityPair of(long readUnits, long writeUnits, long nowNanos) {
        return new CapacityPair(new TokenBucket(readUnits, nowNanos), new TokenBucket(writeUnits, nowNanos));
    }

    /** This pair at new rates, balances carried over; itself when the rates did not change. */
    CapacityPair withRates(long readUnits, long writeUnits, long nowNanos) {
        if (reads.unitsPerSecond() == readUnits && writes.unitsPerSecond() == writeUnits) return this;
        return new CapacityPair(reads.withRate(readUnits, nowNanos), writes.withRate(writeUnits, nowNanos));
    }

    TokenBucket of(boolean write) {
        return write ? writes : reads;
    }
}
