package io.modyn.api.dynamodb;

import java.util.List;

/** Unset members are null. Since 1.7. */
public record BatchExecuteStatementRequest(List<BatchStatementRequest> statements, String returnConsumedCapacity) {
}
