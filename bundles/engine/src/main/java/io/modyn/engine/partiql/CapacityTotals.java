package io.modyn.engine.partiql;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums the ConsumedCapacity of the statements of a batch into one entry per table, in the order tables are first met. */
final class CapacityTotals {

    private final Map<String, ConsumedCapacity> byTable = new LinkedHashMap<>();

    void add(ConsumedCapacity consumed) {
        if (consumed == null) return;
        byTable.merge(consumed.tableName(), consumed, CapacityTotals::sum);
    }

    /** One entry per table, or null when the client asked for none. */
    List<ConsumedCapacity> list(String returnConsumedCapacity) {
        if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) return null;
        return new ArrayList<>(byTable.values());
    }

    private static ConsumedCapacity sum(ConsumedCapacity a, ConsumedCapacity b) {
        return new ConsumedCapacity(a.tableName(), plus(a.capacityUnits(), b.capacityUnits()),
                plus(a.readCapacityUnits(), b.readCapacityUnits()), plus(a.writeCapacityUnits(), b.writeCapacityUnits()),
                sum(a.table(), b.table()), sum(a.localSecondaryIndexes(), b.localSecondaryIndexes()),
                sum(a.globalSecondaryIndexes(), b.globalSecondaryIndexes()));
    }

    private static Map<String, Capacity> sum(Map<String, Capacity> a, Map<String, Capacity> b) {
        if (a == null) return b;
        if (b == null) return a;
        Map<String, Capacity> total = new LinkedHashMap<>(a);
        b.forEach((name, capacity) -> total.merge(name, capacity, CapacityTotals::sum));
        return total;
    }

    private static Capacity sum(Capacity a, Capacity b) {
        if (a == null) return b;
        if (b == null) return a;
        return new Capacity(plus(a.capacityUnits(), b.capacityUnits()), plus(a.readCapacityUnits(), b.readCapacityUnits()),
                plus(a.writeCapacityUnits(), b.writeCapacityUnits()));
    }

    private static Double plus(Double a, Double b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + b;
    }
}
