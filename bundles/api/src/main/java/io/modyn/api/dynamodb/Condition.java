package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;

/** A legacy condition (KeyConditions, QueryFilter, ScanFilter): an operator and its arguments. */
public record Condition(String comparisonOperator, List<AttributeValue> attributeValueList) {
}
