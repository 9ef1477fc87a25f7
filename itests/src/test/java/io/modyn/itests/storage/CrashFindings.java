package io.modyn.itests.storage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the crash rounds found wrong, by property, so that each property is reported by a test of
 * its own and one broken property does not hide the others. Keeps the first lines of each.
 */
final class CrashFindings {

    enum Property {
        ACKNOWLEDGED_WRITES, COUNTERS, TRANSACTIONS, GLOBAL_INDEX, ITEM_CONTENT, REQUESTS_WHILE_UP, TABLE_FILES
    }

    private static final int KEPT_PER_PROPERTY = 15;

    private final Map<Property, List<String>> kept = new EnumMap<>(Property.class);
    private final Map<Property, Integer> counts = new EnumMap<>(Property.class);

    synchronized void add(Property property, int round, List<String> violations) {
        for (String violation : violations) {
            List<String> lines = kept.computeIfAbsent(property, p -> new ArrayList<>());
            if (lines.size() < KEPT_PER_PROPERTY) lines.add("round " + round + ": " + violation);
            counts.merge(property, 1, Integer::sum);
        }
    }

    synchronized int count(Property property) {
        return counts.getOrDefault(property, 0);
    }

    synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The number of violations of {@code property} and the first of them, one a line. */
    synchronized String report(Property property) {
        List<String> lines = kept.getOrDefault(property, List.of());
        return count(property) + " violation(s) of " + property + (lines.isEmpty() ? "" : ":\n  " + String.join("\n  ", lines));
    }
}
