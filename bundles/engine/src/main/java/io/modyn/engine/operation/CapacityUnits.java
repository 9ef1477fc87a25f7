package io.modyn.engine.operation;

import io.modyn.api.dynamodb.Capacity;
import io.modyn.api.dynamodb.ConsumedCapacity;

/**
 * DynamoDB's capacity arithmetic: a read unit covers 4 KB read with strong consistency (half a
 * unit when eventually consistent), a write unit 1 KB written; sizes round up, and every request
 * costs at least one unit (half for an eventually consistent read).
 */
final class CapacityUnits {

    private CapacityUnits() {
    }

    static double read(long bytes, boolean consistent) {
        double units = Math.max(1, ceilDiv(bytes, 4096));
        return consistent ? units : units / 2;
    }

    static double write(long bytes) {
        return Math.max(1, ceilDiv(bytes, 1024));
    }

    static boolean requested(String returnConsumedCapacity) {
        return returnConsumedCapacity != null && !returnConsumedCapacity.equals("NONE");
    }

    /** The ConsumedCapacity member for a request, or null when the client did not ask for it. */
    static ConsumedCapacity report(String returnConsumedCapacity, String tableName, double units) {
        if (!requested(returnConsumedCapacity)) return null;
        Capacity table = returnConsumedCapacity.equals("INDEXES") ? new Capacity(units, null, null) : null;
        return new ConsumedCapacity(tableName, units, null, null, table, null, null);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
