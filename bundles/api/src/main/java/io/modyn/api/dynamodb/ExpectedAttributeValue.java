package io.modyn.api.dynamodb;

import io.modyn.api.model.AttributeValue;
import java.util.List;

/** One entry of the legacy {@code Expected} map; unset members are null. */
public record ExpectedAttributeValue(
        AttributeValue value, Boolean exists, String comparisonOperator, List<AttributeValue> attributeValueList) {
}
