package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/**
 * The outcome of one statement of a BatchExecuteStatement, in request order: an error, or the item
 * read (or returned by RETURNING); {@code tableName} is null for a statement refused before it
 * reached its table. Since 1.7.
 */
public record BatchStatementResponse(BatchStatementError error, String tableName, Map<String, AttributeValue> item) {
}
