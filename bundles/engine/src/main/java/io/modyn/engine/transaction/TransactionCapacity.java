package io.modyn.engine.transaction;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.engine.metrics.CapacityMeter;
import io.modyn.engine.throttle.ThrottleMeter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity a transaction consumed, per table in the order the request first names them.
 * DynamoDB charges every item of a transaction twice what the same single-item read or write
 * costs (it prepares, then commits); the caller gives the single-item units.
 */
public final class TransactionCapacity {

    private static final int TRANSACTIONAL_FACTOR = 2;

    private final Map<String, Double> units = new LinkedHashMap<>();

    public void add(String tableName, double singleItemUnits) {
        units.merge(tableName, TRANSACTIONAL_FACTOR * singleItemUnits, Double::sum);
    }

    /**
     * Whether capacity must be computed: the client asked for it, the request is metered
     * ({@link CapacityMeter}), or it touches a throttled table ({@link ThrottleMeter}).
     */
    public static boolean requested(String returnConsumedCapacity) {
        return asked(returnConsumedCapacity) || CapacityMeter.metering() || ThrottleMeter.metering();
    }

    private static boolean asked(String returnConsumedCapacity) {
        return returnConsumedCapacity != null && !returnConsumedCapacity.equals("NONE");
    }

    /**
     * The ConsumedCapacity member, or null when the client did not ask for it. With INDEXES the
     * table detail also says whether the units were read or write units. A metered request's
     * {@link CapacityMeter} is told either way.
     */
    public List<ConsumedCapacity> report(String returnConsumedCapacity, boolean reads) {
        if (CapacityMeter.metering()) {
            units.forEach((table, total) -> {
                if (reads) CapacityMeter.read(table, total, Map.of());
                else CapacityMeter.write(table, total, Map.of());
            });
        }
        units.forEach((table, total) -> {
            if (reads) ThrottleMeter.chargeRead(table, null, 0, total);
            else ThrottleMeter.chargeWrite(table, total, Map.of());
        });
        if (!asked(returnConsumedCapacity)) return null;
        boolean detailed = returnConsumedCapacity.equals("INDEXES");
        List<ConsumedCapacity> report = new ArrayList<>(units.size());
        units.forEach((table, total) -> {
            Capacity detail = detailed ? new Capacity(total, reads ? total : null, reads ? null : total) : null;
            report.add(new ConsumedCapacity(table, total, null, null, detail, null, null));
        });
        return report;
    }
}
