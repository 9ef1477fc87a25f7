package io.modyn.engine.operation;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.index.IndexWriteUnits;
import io.modyn.engine.index.TableIndex;
import io.modyn.engine.metrics.CapacityMeter;
import io.modyn.engine.throttle.ThrottleMeter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's capacity arithmetic: a read unit covers 4 KB read with strong consistency (half a
 * unit when eventually consistent), a write unit 1 KB written; sizes round up, and every request
 * costs at least one unit (half for an eventually consistent read). Writes to a table with indexes
 * also cost what they write in each index, and TOTAL includes it.
 *
 * <p>Every figure also goes to the {@link CapacityMeter} while the request is metered, and charges
 * the throttled tables' buckets ({@link ThrottleMeter}), whether or not the client asked for it;
 * {@link #requested} then says to compute it anyway, and the report is left out of the response.
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

    /** Whether capacity must be computed: the client asked for it, the request is metered, or it touches a throttled table. */
    static boolean requested(String returnConsumedCapacity) {
        return asked(returnConsumedCapacity) || CapacityMeter.metering() || ThrottleMeter.metering();
    }

    /** Whether the response reports capacity: the client asked for it. */
    static boolean asked(String returnConsumedCapacity) {
        return returnConsumedCapacity != null && !returnConsumedCapacity.equals("NONE");
    }

    /** The ConsumedCapacity member for a request, or null when the client did not ask for it. */
    static ConsumedCapacity report(String returnConsumedCapacity, String tableName, double units) {
        ThrottleMeter.chargeRead(tableName, null, 0, units);
        return report(returnConsumedCapacity, tableName, units, Map.of(), Map.of(), true);
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
        ThrottleMeter.chargeWrite(tableName, tableUnits + sum(indexUnits.local()), indexUnits.global());
        return report(returnConsumedCapacity, tableName, tableUnits, indexUnits.global(), indexUnits.local(), false);
    }

    /** The ConsumedCapacity of a Query or Scan of an index: the index's units, and the table's for items read from it. */
    static ConsumedCapacity reportIndexRead(String returnConsumedCapacity, TableIndex index, double indexUnits, double tableUnits) {
        ThrottleMeter.chargeRead(index.table().tableName(), index.name(), indexUnits, tableUnits);
        Map<String, Double> units = Map.of(index.name(), indexUnits);
        return report(returnConsumedCapacity, index.table().tableName(), tableUnits, index.global() ? units : Map.of(),
                index.global() ? Map.of() : units, true);
    }

    private static ConsumedCapacity report(String returnConsumedCapacity, String tableName, double tableUnits, Map<String, Double> global,
            Map<String, Double> local, boolean read) {
        if (CapacityMeter.metering()) {
            // Local indexes share their table's capacity; global ones have their own.
            double tableAndLocal = tableUnits + sum(local);
            if (read) CapacityMeter.read(tableName, tableAndLocal, global);
            else CapacityMeter.write(tableName, tableAndLocal, global);
        }
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
