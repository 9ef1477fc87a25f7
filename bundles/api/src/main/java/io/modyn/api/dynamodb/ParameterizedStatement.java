package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;

/** One statement of an ExecuteTransaction; unset members are null. Since 1.7. */
public record ParameterizedStatement(String statement, List<AttributeValue> parameters, String returnValuesOnConditionCheckFailure) {
}
