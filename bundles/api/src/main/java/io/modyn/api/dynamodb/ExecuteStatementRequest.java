package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;

/** ExecuteStatement: one PartiQL statement with its {@code ?} parameters; unset members are null. Since 1.7. */
public record ExecuteStatementRequest(
        String statement,
        List<AttributeValue> parameters,
        Boolean consistentRead,
        String nextToken,
        String returnConsumedCapacity,
        Integer limit,
        String returnValuesOnConditionCheckFailure) {
}
