package io.modyn.engine.throttle;

import io.modyn.api.model.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one hook between the request path and {@link Throttling}. The engine opens a meter around
 * each operation ({@link #open}); the operation's table lookup admits it ({@link #admit}: refused
 * up front when the table is out of capacity) and arms the meter for the throttled tables it
 * touches; the capacity arithmetic then reports what the request consumed ({@link #chargeRead},
 * {@link #chargeWrite}), computed whether or not the client asked for ConsumedCapacity
 * ({@link #metering}). Requests on on-demand tables, and every request with throttling off, leave
 * the meter unarmed and pay one thread-local lookup.
 *
 * <p>Thread-local because the capacity arithmetic is static and deep in the operations; the engine
 * runs each request on one thread from start to end.
 */
public final class ThrottleMeter implements AutoCloseable {

    private static final ThreadLocal<ThrottleMeter> CURRENT = new ThreadLocal<>();

    /** The actions that draw on write capacity; every other data-plane action reads. */
    private static final Set<String> WRITE_ACTIONS = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
            "dynamodb:PartiQLDelete");

    private static final ThrottleMeter NONE = new ThrottleMeter(Throttling.DISABLED, null);

    private final Throttling throttling;
    private final ThrottleMeter outer;
    /** The throttled tables this request touches; null until the first (most requests touch none). */
    private List<TableThrottle> armed;

    private ThrottleMeter(Throttling throttling, ThrottleMeter outer) {
        this.throttling = throttling;
        this.outer = outer;
    }

    /** Starts metering the current request on this thread; close it when the request ends. */
    public static ThrottleMeter open(Throttling throttling) {
        if (!throttling.isEnabled()) return NONE;
        ThrottleMeter meter = new ThrottleMeter(throttling, CURRENT.get());
        CURRENT.set(meter);
        return meter;
    }

    @Override
    public void close() {
        if (this == NONE) return;
        if (outer == null) CURRENT.remove();
        else CURRENT.set(outer);
    }

    /**
     * Refuses the request when the table it names for this action is out of capacity
     * (ProvisionedThroughputExceededException); else meters what it will consume.
     */
    public static void admit(TableDefinition table, String action) {
        ThrottleMeter meter = CURRENT.get();
        if (meter == null) return;
        TableThrottle throttle = meter.throttling.of(table);
        if (throttle == null) return;
        meter.throttling.admit(throttle, WRITE_ACTIONS.contains(action));
        if (meter.find(table.tableName()) == null) {
            if (meter.armed == null) meter.armed = new ArrayList<>(1);
            meter.armed.add(throttle);
        }
    }

    /** Refuses a Query or Scan of a global index that is out of read capacity. */
    public static void admitIndexRead(TableDefinition table, String indexName) {
        ThrottleMeter meter = CURRENT.get();
        if (meter == null) return;
        TableThrottle throttle = meter.find(table.tableName());
        if (throttle != null) meter.throttling.admitIndexRead(throttle, indexName);
    }

    /** Whether the current request's consumed capacity must be computed for a throttled table. */
    public static boolean metering() {
        ThrottleMeter meter = CURRENT.get();
        return meter != null && meter.armed != null;
    }

    /** Charges a read: units from the table, or from a global index when indexName names one. */
    public static void chargeRead(String tableName, String indexName, double indexUnits, double tableUnits) {
        ThrottleMeter meter = CURRENT.get();
        if (meter == null) return;
        TableThrottle throttle = meter.find(tableName);
        if (throttle == null) return;
        if (indexName != null) meter.throttling.charge(throttle, indexName, false, indexUnits);
        meter.throttling.charge(throttle, null, false, tableUnits);
    }

    /** Charges a write: the table's units (local indexes included) and each global index's. */
    public static void chargeWrite(String tableName, double tableUnits, Map<String, Double> globalIndexUnits) {
        ThrottleMeter meter = CURRENT.get();
        if (meter == null) return;
        TableThrottle throttle = meter.find(tableName);
        if (throttle == null) return;
        meter.throttling.charge(throttle, null, true, tableUnits);
        globalIndexUnits.forEach((index, units) -> meter.throttling.charge(throttle, index, true, units));
    }

    private TableThrottle find(String tableName) {
        if (armed == null) return null;
        for (TableThrottle throttle : armed) {
            if (throttle.tableName().equals(tableName)) return throttle;
        }
        return null;
    }
}
