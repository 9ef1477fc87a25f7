package io.modyn.itests.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each key of one table may hold after a crash: the value of its last acknowledged write, or
 * the value of a write that was sent but not acknowledged (in flight when the server died, so it
 * may or may not have been applied). A deleted key holds {@link #ABSENT}.
 *
 * <p>Each key is written by one thread at a time, so its writes are ordered: a later acknowledged
 * write replaces the earlier one, and a value read back that is neither the last acknowledged one
 * nor an in-flight one is a lost or resurrected write. After each crash the test reads the table
 * and makes what it read the new {@link #baseline}.
 */
final class KeyOutcomes {

    /** The value of a key that holds no item. */
    static final String ABSENT = "<absent>";

    private final String table;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> inFlight = new ConcurrentHashMap<>();

    KeyOutcomes(String table) {
        this.table = table;
    }

    /** The value of the last acknowledged write of {@code key} ({@link #ABSENT} if none or deleted). */
    String acknowledged(String key) {
        return acknowledged.getOrDefault(key, ABSENT);
    }

    /** Called before the request that writes {@code value} is sent. */
    void sending(String key, String value) {
        inFlight.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(value);
    }

    /** Called once the server acknowledged the write of {@code value}. */
    void acknowledged(String key, String value) {
        acknowledged.put(key, value);
        inFlight.getOrDefault(key, Set.of()).remove(value);
    }

    /** The writes sent and never acknowledged. */
    int inFlightCount() {
        return inFlight.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * One line per key whose stored value ({@code stored}: key to value, keys absent from it hold
     * nothing) is neither its last acknowledged value nor one in flight.
     */
    List<String> violations(Map<String, String> stored) {
        Set<String> keys = new TreeSet<>(acknowledged.keySet());
        keys.addAll(inFlight.keySet());
        keys.addAll(stored.keySet());
        List<String> violations = new ArrayList<>();
        for (String key : keys) {
            String value = stored.getOrDefault(key, ABSENT);
            String expected = acknowledged(key);
            Set<String> possible = inFlight.getOrDefault(key, Set.of());
            if (!value.equals(expected) && !possible.contains(value)) {
                violations.add(table + " " + key + " holds " + value + "; acknowledged " + expected + ", in flight " + possible);
            }
        }
        return violations;
    }

    /** After a check: what the table holds now is what every later write builds on. */
    void baseline(Map<String, String> stored) {
        acknowledged.clear();
        inFlight.clear();
        stored.forEach((key, value) -> {
            if (!value.equals(ABSENT)) acknowledged.put(key, value);
        });
    }
}
