package io.modyn.api.dynamodb;

import java.util.List;

/** One response per statement, in request order; {@code consumedCapacity} is null unless requested. Since 1.7. */
public record BatchExecuteStatementResponse(List<BatchStatementResponse> responses, List<ConsumedCapacity> consumedCapacity) {
}
