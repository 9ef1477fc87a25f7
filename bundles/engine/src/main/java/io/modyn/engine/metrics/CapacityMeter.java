package io.modyn.engine.metrics;

import io.modyn.api.metrics.RequestMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Carries the capacity the operations compute to the bound {@link RequestMetrics}, for the request
 * the current thread serves. Capacity is computed deep inside each operation, and only when the
 * client asks for it (sizing items is work); DynamoDB's CloudWatch figures count it for every
 * request. So while a metered request runs, {@link #metering()} tells the operations to compute it
 * anyway, and the capacity arithmetic ({@code CapacityUnits}, {@code TransactionCapacity}) hands
 * each figure here before deciding whether the response shows it.
 *
 * <p>One reused state object per thread and a static switch that stays off until metrics are first
 * bound: without a metrics bundle a capacity check costs one volatile read, and a metered request
 * allocates nothing here once its thread has served one. The tables a request reports capacity for
 * are the tables it touched: a batch's or a transaction's, and a PartiQL statement's, which only
 * parsing it tells.
 */
public final class CapacityMeter {

    private static volatile boolean enabled;
    private static final ThreadLocal<CapacityMeter> CURRENT = ThreadLocal.withInitial(CapacityMeter::new);

    private final List<String> tables = new ArrayList<>();
    private RequestMetrics metrics;

    private CapacityMeter() {
    }

    static void enable() {
        enabled = true;
    }

    /** Starts metering the current thread's request; {@link #stop()} must follow, in a finally. */
    static CapacityMeter start(RequestMetrics metrics) {
        CapacityMeter meter = CURRENT.get();
        meter.metrics = metrics;
        meter.tables.clear();
        return meter;
    }

    /** Stops metering; the thread's state stays for its next request (set to null, not removed, so nothing is allocated then). */
    void stop() {
        metrics = null;
        tables.clear();
    }

    /** The tables capacity was reported for during this request, each once, in the order first reported. */
    List<String> tables() {
        return tables;
    }

    /** Whether the current thread serves a metered request, so capacity must be computed even if the client did not ask. */
    public static boolean metering() {
        return enabled && CURRENT.get().metrics != null;
    }

    /** Read units consumed on a table and its global secondary indexes (index name to units; local indexes count as the table). */
    public static void read(String tableName, double tableUnits, Map<String, Double> globalIndexUnits) {
        report(tableName, tableUnits, globalIndexUnits, true);
    }

    /** Write units consumed on a table and its global secondary indexes (index name to units; local indexes count as the table). */
    public static void write(String tableName, double tableUnits, Map<String, Double> globalIndexUnits) {
        report(tableName, tableUnits, globalIndexUnits, false);
    }

    private static void report(String tableName, double tableUnits, Map<String, Double> globalIndexUnits, boolean read) {
        if (!enabled) return;
        CapacityMeter meter = CURRENT.get();
        RequestMetrics metrics = meter.metrics;
        if (metrics == null) return;
        if (!meter.tables.contains(tableName)) meter.tables.add(tableName);
        metrics.capacityConsumed(tableName, null, read ? tableUnits : 0, read ? 0 : tableUnits);
        if (globalIndexUnits.isEmpty()) return;
        globalIndexUnits.forEach((index, units) ->
                metrics.capacityConsumed(tableName, index, read ? units : 0, read ? 0 : units));
    }
}
