package io.modyn.engine.query;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.item.KeyEncoder;
import io.modyn.engine.item.KeySchemaRules;
import java.util.Arrays;
import java.util.Base64;

/**
 * One condition of a Query's key condition on one key attribute: an operator and one or two
 * values. Table keys and (multi-attribute) index keys are both built from these.
 */
public record KeyConditionTerm(String attribute, Operator operator, AttributeValue first, AttributeValue second) {

    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** The range of encoded sort-key values the term selects. */
    public KeyRange valueRange() {
        byte[] a = KeySchemaRules.encode(attribute, first, false);
        return switch (operator) {
            case EQ -> KeyRange.exactly(a);
            case LT -> new KeyRange(null, false, a, false);
            case LE -> new KeyRange(null, false, a, true);
            case GT -> new KeyRange(a, false, null, false);
            case GE -> new KeyRange(a, true, null, false);
            case BETWEEN -> new KeyRange(a, true, KeySchemaRules.encode(attribute, second, false), true);
            case BEGINS_WITH -> KeyRange.prefix(a);
        };
    }

    /** The values must have the key attribute's declared type. */
    public void checkType(String declaredType) {
        if (!declaredType.equals(first.typeName()) || (second != null && !declaredType.equals(second.typeName()))) {
            throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    /** The operand rule of a KeyConditionExpression the schema check leaves: BETWEEN's bounds are ordered. */
    public void checkExpressionOperands() {
        if (operator == Operator.BETWEEN && boundsReversed()) {
            throw ExpressionErrors.invalid(KeyConditionTerms.KIND, "The BETWEEN operator requires upper bound to be greater than or "
                    + "equal to lower bound; lower bound operand: AttributeValue: {" + render(first) + "}, upper bound operand: "
                    + "AttributeValue: {" + render(second) + "}");
        }
    }

    /** True for a BETWEEN whose lower bound is above its upper bound (in key order). */
    public boolean boundsReversed() {
        return Arrays.compareUnsigned(KeyEncoder.encode(first), KeyEncoder.encode(second)) > 0;
    }

    private static String render(AttributeValue v) {
        if (v instanceof AttributeValue.S s) return "S:" + s.value();
        if (v instanceof AttributeValue.N n) return "N:" + n.text();
        if (v instanceof AttributeValue.B b) return "B:" + Base64.getEncoder().encodeToString(b.value());
        return v.toString();
    }
}
