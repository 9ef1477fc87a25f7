package io.modyn.itests.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters incremented concurrently by {@code ADD n :one}: after a crash each counter must hold
 * its value at the last check plus every acknowledged increment, plus at most the increments that
 * were in flight when the server died.
 */
final class CounterOutcomes {

    private final Map<String, Long> baseline = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();

    void sending(String counter) {
        sent.computeIfAbsent(counter, c -> new AtomicLong()).incrementAndGet();
    }

    void acknowledged(String counter) {
        acknowledged.computeIfAbsent(counter, c -> new AtomicLong()).incrementAndGet();
    }

    long inFlightCount() {
        return sent.values().stream().mapToLong(AtomicLong::get).sum()
                - acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** One line per counter ({@code stored}: counter to value, 0 when it has no item) out of its bounds. */
    List<String> violations(Map<String, Long> stored) {
        List<String> violations = new ArrayList<>();
        Set<String> counters = new TreeSet<>(sent.keySet());
        counters.addAll(baseline.keySet());
        counters.addAll(stored.keySet());
        for (String counter : counters) {
            long low = baseline.getOrDefault(counter, 0L) + count(acknowledged, counter);
            long high = baseline.getOrDefault(counter, 0L) + count(sent, counter);
            long value = stored.getOrDefault(counter, 0L);
            if (value < low || value > high) {
                violations.add("counter " + counter + " = " + value + ", expected " + low + " (acknowledged) to " + high
                        + " (with every increment in flight)");
            }
        }
        return violations;
    }

    void baseline(Map<String, Long> stored) {
        baseline.clear();
        baseline.putAll(stored);
        acknowledged.clear();
        sent.clear();
    }

    private static long count(Map<String, AtomicLong> counts, String counter) {
        AtomicLong count = counts.get(counter);
        return count == null ? 0 : count.get();
    }
}
