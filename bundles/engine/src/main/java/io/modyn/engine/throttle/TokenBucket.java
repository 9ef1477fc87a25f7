package io.modyn.engine.throttle;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One provisioned capacity (a table's or a global index's reads, or its writes) as DynamoDB meters
 * it: units refill at the provisioned rate, and up to {@value #BURST_SECONDS} seconds of unused
 * capacity are kept as burst. A request is refused up front only when the balance is exhausted
 * ({@link #admits}); what it consumed is charged afterwards ({@link #take}), so one large request may
 * drive the balance below zero and the requests after it wait until the refill has paid that back,
 * as DynamoDB's do.
 *
 * <p>Lock-free: the balance and the instant it was computed at change together by compare-and-set
 * on one immutable state, so concurrent requests never wait on each other. Time is in nanoseconds
 * from a caller-supplied clock, so tests run without sleeping.
 */
public final class TokenBucket {

    /** DynamoDB keeps up to five minutes of unused read and write capacity as burst capacity. */
    public static final long BURST_SECONDS = 300;

    private static final double NANOS_PER_SECOND = 1e9;

    private record State(double balance, long nanos) {
    }

    private final double unitsPerSecond;
    private final double maxBalance;
    private final AtomicReference<State> state;

    /** A bucket that starts with its full burst, as a table that has not been used yet. */
    public TokenBucket(double unitsPerSecond, long nowNanos) {
        this(unitsPerSecond, unitsPerSecond * BURST_SECONDS, nowNanos);
    }

    private TokenBucket(double unitsPerSecond, double balance, long nowNanos) {
        this.unitsPerSecond = unitsPerSecond;
        this.maxBalance = unitsPerSecond * BURST_SECONDS;
        this.state = new AtomicReference<>(new State(Math.min(balance, maxBalance), nowNanos));
    }

    public double unitsPerSecond() {
        return unitsPerSecond;
    }

    /** Whether a request may start now: some capacity is left (burst included). */
    public boolean admits(long nowNanos) {
        return balance(nowNanos) > 0;
    }

    /** The units available now (negative while a large request's charge is being paid back). */
    public double balance(long nowNanos) {
        return refilled(state.get(), nowNanos);
    }

    /** Charges the units a request consumed. */
    public void take(double units, long nowNanos) {
        State current;
        State next;
        do {
            current = state.get();
            next = new State(refilled(current, nowNanos) - units, Math.max(nowNanos, current.nanos()));
        } while (!state.compareAndSet(current, next));
    }

    /**
     * The same capacity at a new rate (UpdateTable): the balance carries over, capped at the new
     * burst, so raising the capacity lifts throttling from the next refill on.
     */
    public TokenBucket withRate(double newUnitsPerSecond, long nowNanos) {
        return new TokenBucket(newUnitsPerSecond, balance(nowNanos), nowNanos);
    }

    private double refilled(State s, long nowNanos) {
        long elapsed = nowNanos - s.nanos();
        if (elapsed <= 0) return s.balance();
        return Math.min(maxBalance, s.balance() + unitsPerSecond * (elapsed / NANOS_PER_SECOND));
    }
}
