package io.modyn.api.dynamodb;

import io.modyn.api.model.ProvisionedThroughput;

/**
 * One entry of UpdateTable's GlobalSecondaryIndexUpdates: exactly one of create, update (a new
 * throughput for {@code updateIndexName}) or delete is set.
 */
public record GlobalSecondaryIndexUpdate(
        SecondaryIndexRequest create, String updateIndexName, ProvisionedThroughput updateProvisionedThroughput, String deleteIndexName) {
}
