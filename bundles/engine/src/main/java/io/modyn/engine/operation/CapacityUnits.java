package io.modyn.engine.operation;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.index.IndexWriteUnits;
import io.modyn.engine.index.TableIndex;
import io.modyn.engine.throttle.CapacityMeter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's capacity arithmetic: a read unit covers 4 KB read with strong consistency (half a
 * unit when eventually consistent), a write unit 1 KB written; sizes round up, and every request
 * costs at least one unit (half for an eventually consistent read). Writes to a table with indexes
 * also cost what they write in each index, and TOTAL includes it.
 *
 * <p>Every report also charges the throttled tables' buckets ({@link CapacityMeter}); while a
 * request touches one, {@link #requested} is true even when the client did not ask for
 * ConsumedCapacity, so the operations compute what it cost, and the report is left out of the
 * response.
 */
final class CapacityUnits {

    private CapacityUnits() {
    }

    static double read(long bytes, boolean consistent) {
        double units = Math.max(1, ceilDiv(bytes, 4096));
        return consistent ? units : units / 2;
    }

    /** Items read one at a time (an index read completing entries from its table): each rounds up on its own. */
    static double readEach(List<Long> itemSizes, boolean consistent) {
        double units = 0;
        for (long size : itemSizes) units += read(size, consistent);
        return units;
    }

    static double write(long bytes) {
        return Math.max(1, ceilDiv(bytes, 1024));
    }

    /** Whether the request's consumed capacity must be computed: the client asked, or a throttled table is metered. */
    static boolean requested(String returnConsumedCapacity) {
        return asked(returnConsumedCapacity) || CapacityMeter.metering();
    }

    /**
     * Adds a table's report to a batch's ConsumedCapacity list; reports are null when only the
     * throttling meter needed the units ({@link #requested}).
     */
    static void addReport(List<ConsumedCapacity> reports, ConsumedCapacity report) {
        if (reports != null && report != null) reports.add(report);
    }

    /** A batch's ConsumedCapacity member: null (left out) when the client did not ask for it. */
    static List<ConsumedCapacity> batchReport(List<ConsumedCapacity> reports) {
        return reports == null || reports.isEmpty() ? null : reports;
    }

    private static boolean asked(String returnConsumedCapacity) {
        return returnConsumedCapacity != null && !returnConsumedCapacity.equals("NONE");
    }

    /** The ConsumedCapacity member for a request, or null when the client did not ask for it. */
    static ConsumedCapacity report(String returnConsumedCapacity, String tableName, double units) {
        CapacityMeter.chargeRead(tableName, null, 0, units);
        return report(returnConsumedCapacity, tableName, units, Map.of(), Map.of());
    }

    /**
     * The ConsumedCapacity of one item write (PutItem, UpdateItem, DeleteItem): the table's units
     * plus what the change cost in each index.
     *
     * @param oldItem the item before the write (null: absent); @param newItem the item after it (null: deleted)
     */
    static ConsumedCapacity reportWrite(String returnConsumedCapacity, TableDefinition table, double tableUnits,
            Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        if (!requested(returnConsumedCapacity)) return null;
        return report(returnConsumedCapacity, table.tableName(), tableUnits, IndexWriteUnits.of(table, oldItem, newItem));
    }

    /**
     * The ConsumedCapacity of writes to a table with indexes: the table's units plus what the
     * writes cost in each index ({@link IndexWriteUnits#of}, summed with {@link IndexWriteUnits#plus}
     * for a batch); INDEXES reports each index they touched.
     */
    static ConsumedCapacity report(String returnConsumedCapacity, String tableName, double tableUnits, IndexWriteUnits indexUnits) {
        CapacityMeter.chargeWrite(tableName, tableUnits + sum(indexUnits.local()), indexUnits.global());
        return report(returnConsumedCapacity, tableName, tableUnits, indexUnits.global(), indexUnits.local());
    }

    /** The ConsumedCapacity of a Query or Scan of an index: the index's units, and the table's for items read from it. */
    static ConsumedCapacity reportIndexRead(String returnConsumedCapacity, TableIndex index, double indexUnits, double tableUnits) {
        CapacityMeter.chargeRead(index.table().tableName(), index.name(), indexUnits, tableUnits);
        Map<String, Double> units = Map.of(index.name(), indexUnits);
        return report(returnConsumedCapacity, index.table().tableName(), tableUnits, index.global() ? units : Map.of(),
                index.global() ? Map.of() : units);
    }

    private static ConsumedCapacity report(String returnConsumedCapacity, String tableName, double tableUnits, Map<String, Double> global,
            Map<String, Double> local) {
        if (!asked(returnConsumedCapacity)) return null;
        double total = tableUnits + sum(global) + sum(local);
        if (!returnConsumedCapacity.equals("INDEXES")) return new ConsumedCapacity(tableName, total, null, null, null, null, null);
        return new ConsumedCapacity(tableName, total, null, null, new Capacity(tableUnits, null, null), capacities(local), capacities(global));
    }

    private static double sum(Map<String, Double> units) {
        return units.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Units per index name as the response carries them; null (left out) when no index was touched. */
    private static Map<String, Capacity> capacities(Map<String, Double> units) {
        if (units.isEmpty()) return null;
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        units.forEach((name, value) -> capacities.put(name, new Capacity(value, null, null)));
        return capacities;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
