package io.modyn.api.dynamodb;

import java.util.List;

public record ListTablesResponse(List<String> tableNames, String lastEvaluatedTableName) {
}
