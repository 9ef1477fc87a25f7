package io.modyn.protocol.json;

import io.modyn.api.dynamodb.Condition;
import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.model.AttributeValue;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;
import java.util.Map;

/** Reads the legacy condition parameters: KeyConditions, QueryFilter, ScanFilter and Expected. */
final class ConditionReader {

    private static final String CONDITION = "Condition";
    private static final String EXPECTED = "ExpectedAttributeValue";

    private ConditionReader() {
    }

    /** A map of attribute name to {@link Condition} (KeyConditions, QueryFilter, ScanFilter). */
    static Map<String, Condition> readConditions(JsonInput in) {
        return in.readMap(SerializationErrors.MODEL_PACKAGE + CONDITION, () -> readCondition(in));
    }

    /** The {@code Expected} map of PutItem and DeleteItem. */
    static Map<String, ExpectedAttributeValue> readExpected(JsonInput in) {
        return in.readMap(SerializationErrors.MODEL_PACKAGE + EXPECTED, () -> readExpectedValue(in));
    }

    private static Condition readCondition(JsonInput in) {
        if (!in.beginStruct(CONDITION, Placement.ELEMENT)) {
            return null;
        }
        String comparisonOperator = null;
        List<AttributeValue> attributeValueList = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ComparisonOperator" -> comparisonOperator = in.readString();
                case "AttributeValueList" -> attributeValueList = AttributeValueReader.readList(in);
                default -> in.skipValue();
            }
        }
        return new Condition(comparisonOperator, attributeValueList);
    }

    private static ExpectedAttributeValue readExpectedValue(JsonInput in) {
        if (!in.beginStruct(EXPECTED, Placement.ELEMENT)) {
            return null;
        }
        AttributeValue value = null;
        Boolean exists = null;
        String comparisonOperator = null;
        List<AttributeValue> attributeValueList = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Value" -> value = AttributeValueReader.readField(in);
                case "Exists" -> exists = in.readBoolean();
                case "ComparisonOperator" -> comparisonOperator = in.readString();
                case "AttributeValueList" -> attributeValueList = AttributeValueReader.readList(in);
                default -> in.skipValue();
            }
        }
        return new ExpectedAttributeValue(value, exists, comparisonOperator, attributeValueList);
    }
}
