package io.modyn.api.dynamodb;

import java.util.Map;

/** The ConsumedCapacity member of a response; unset members are null. */
public record ConsumedCapacity(
        String tableName,
        Double capacityUnits,
        Double readCapacityUnits,
        Double writeCapacityUnits,
        Capacity table,
        Map<String, Capacity> localSecondaryIndexes,
        Map<String, Capacity> globalSecondaryIndexes) {
}
