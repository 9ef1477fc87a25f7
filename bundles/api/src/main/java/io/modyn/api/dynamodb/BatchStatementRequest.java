package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;

/** One statement of a BatchExecuteStatement; unset members are null. Since 1.7. */
public record BatchStatementRequest(
        String statement, List<AttributeValue> parameters, Boolean consistentRead, String returnValuesOnConditionCheckFailure) {
}
