package io.modyn.api.dynamodb;

import io.modyn.api.model.TableDefinition;

/** A table as DescribeTable, CreateTable, UpdateTable and DeleteTable return it. */
public record TableDescription(TableDefinition definition, String tableArn, long itemCount, long tableSizeBytes) {
}
