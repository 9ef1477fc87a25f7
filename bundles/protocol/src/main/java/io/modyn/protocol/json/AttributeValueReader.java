package io.modyn.protocol.json;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.Numbers;
import io.modyn.protocol.json.JsonInput.Placement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamoDB attribute values ({@code {"S":"x"}}, {@code {"M":{...}}}, ...) into the api model.
 *
 * <p>A value must carry exactly one type member; members this server does not know are ignored and
 * a member whose value is JSON {@code null} counts as absent, as DynamoDB does. Nesting is counted
 * from the attribute itself as level 1: values down to level 32 are accepted, a value at level 33
 * is refused, which is DynamoDB's limit. The check runs before the value is read, so the reader's
 * recursion never goes deeper than that. Range and precision of numbers, empty and duplicate set
 * members are the engine's to validate; the wire layer only parses.
 */
final class AttributeValueReader {

    static final int MAX_NESTING_LEVEL = 32;

    private static final String SHAPE = "AttributeValue";
    private static final String JAVA_TYPE = SerializationErrors.MODEL_PACKAGE + SHAPE;

    private AttributeValueReader() {
    }

    /** A map of attribute values: an item, a key, ExpressionAttributeValues, ExclusiveStartKey. */
    static Map<String, AttributeValue> readMap(JsonInput in) {
        return readMap(in, 1);
    }

    /** A list of attribute maps: the Keys of a BatchGetItem table. Null elements are kept for the engine to report. */
    static List<Map<String, AttributeValue>> readMapList(JsonInput in) {
        return in.readList(() -> in.readMap(Placement.ELEMENT, JAVA_TYPE, () -> readValue(in, Placement.ELEMENT, 1)));
    }

    /** A list of attribute values, such as a condition's AttributeValueList. */
    static List<AttributeValue> readList(JsonInput in) {
        return in.readList(() -> readValue(in, Placement.ELEMENT, 1));
    }

    /** An attribute value that is a named member of a structure (ExpectedAttributeValue.Value). */
    static AttributeValue readField(JsonInput in) {
        return readValue(in, Placement.FIELD, 1);
    }

    private static Map<String, AttributeValue> readMap(JsonInput in, int level) {
        return in.readMap(JAVA_TYPE, () -> readValue(in, Placement.ELEMENT, level));
    }

    private static AttributeValue readValue(JsonInput in, Placement placement, int level) {
        if (in.isNull() && placement == Placement.ELEMENT) {
            throw empty();
        }
        if (!in.beginStruct(SHAPE, placement)) {
            return null;
        }
        if (level > MAX_NESTING_LEVEL) {
            throw DynamoException.validation("Nesting Levels have exceeded supported limits: "
                    + "Attributes in the item have nested levels beyond supported limit");
        }
        AttributeValue result = null;
        boolean severalTypes = false;
        while (in.nextMember()) {
            AttributeValue member = readTypeMember(in, level);
            if (member != null) {
                // A repeated member is one type given twice: the last one counts, as in any JSON object.
                severalTypes |= result != null && !result.typeName().equals(member.typeName());
                result = member;
            }
        }
        if (result == null) {
            throw empty();
        }
        if (severalTypes) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        return result;
    }

    /** The value of one type member, or null if the member is null or not a type member. */
    private static AttributeValue readTypeMember(JsonInput in, int level) {
        switch (in.memberName()) {
            case "S": {
                String s = in.readString();
                return s == null ? null : AttributeValue.s(s);
            }
            case "N": {
                String n = in.readString();
                return n == null ? null : new AttributeValue.N(Numbers.parse(n));
            }
            case "B": {
                byte[] b = in.readBlob();
                return b == null ? null : AttributeValue.b(b);
            }
            case "BOOL": {
                Boolean bool = in.readBoolean();
                return bool == null ? null : AttributeValue.bool(bool);
            }
            case "NULL": {
                Boolean nul = in.readBoolean();
                if (nul == null) return null;
                if (!nul) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                return AttributeValue.nul();
            }
            case "SS": {
                List<String> ss = in.readList(() -> nonNullSetMember(in.readString()));
                return ss == null ? null : new AttributeValue.SS(ss);
            }
            case "NS": {
                List<BigDecimal> ns = in.readList(() -> Numbers.parse(nonNullSetMember(in.readString())));
                return ns == null ? null : new AttributeValue.NS(ns);
            }
            case "BS": {
                List<byte[]> bs = in.readList(() -> nonNullSetMember(in.readBlob()));
                return bs == null ? null : new AttributeValue.BS(bs);
            }
            case "L": {
                List<AttributeValue> l = in.readList(() -> readValue(in, Placement.ELEMENT, level + 1));
                return l == null ? null : new AttributeValue.L(l);
            }
            case "M": {
                Map<String, AttributeValue> m = readMap(in, level + 1);
                return m == null ? null : new AttributeValue.M(m);
            }
            default:
                in.skipValue();
                return null;
        }
    }

    private static <T> T nonNullSetMember(T member) {
        if (member == null) {
            throw DynamoException.validation("One or more parameter values were invalid: A set may not contain null values");
        }
        return member;
    }

    private static DynamoException empty() {
        return DynamoException.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
}
