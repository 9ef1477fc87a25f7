package io.modyn.itests.support.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run sent and got back: requests per operation, answers per HTTP status and error
 * type, and the violations found (a 5xx, an error without type or message, a refused write that
 * changed the table), each with the request that caused it.
 */
public final class FuzzTally {

    private static final int VIOLATIONS_KEPT = 20;

    private final Map<String, Integer> byOperation = new TreeMap<>();
    private final Map<String, Integer> byOutcome = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private int requests;
    private int violationCount;
    private int snapshotChecks;

    public void record(String kind, String operation, int status, String errorType) {
        requests++;
        byOperation.merge(kind + " " + operation, 1, Integer::sum);
        String type = errorType == null ? "" : " " + errorType.substring(errorType.indexOf('#') + 1);
        byOutcome.merge(status + type, 1, Integer::sum);
    }

    public void snapshotChecked() {
        snapshotChecks++;
    }

    public void violation(String description) {
        violationCount++;
        if (violations.size() < VIOLATIONS_KEPT) violations.add(description);
    }

    public int requests() {
        return requests;
    }

    public int violationCount() {
        return violationCount;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public void print(PrintStream out, long seed, long millis) {
        out.printf("Fuzz run: seed %d, %d requests in %.1f s, %d refused writes checked against a table snapshot, "
                + "%d violations%n", seed, requests, millis / 1000.0, snapshotChecks, violationCount);
        out.println("Requests by kind and operation:");
        byOperation.forEach((operation, count) -> out.printf("  %-32s %6d%n", operation, count));
        out.println("Answers by HTTP status and error type:");
        byOutcome.forEach((outcome, count) -> out.printf("  %-60s %6d%n", outcome, count));
        violations.forEach(violation -> out.println("VIOLATION " + violation));
    }
}
