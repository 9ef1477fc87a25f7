package io.modyn.engine.expr.compile;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.check.Functions;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * What DynamoDB knows of an operand's type before reading any item, and its messages when that
 * type is wrong for an operator. A {@code :value} has its value's type, {@code size()} yields a
 * number and {@code list_append()} a list; a document path could be anything, so it passes every
 * such check (a wrong type found in the item only makes the condition false).
 */
final class OperandTypes {

    /** How DynamoDB prints the possible types of a document path in an operand type error. */
    static final String ANY_TYPE = "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";

    static final Set<String> ORDERED = Set.of("S", "N", "B");

    private OperandTypes() {
    }

    /** The operand's type symbol (S, N, BOOL, ...), or null when only the item can tell. */
    static String known(Operand operand, Map<String, AttributeValue> values) {
        if (operand instanceof Operand.Value v) return values.get(v.placeholder()).typeName();
        if (operand instanceof Operand.Function f && f.name().equals(Functions.SIZE)) return "N";
        if (operand instanceof Operand.Function f && f.name().equals(Functions.LIST_APPEND)) return "L";
        if (operand instanceof Operand.Arithmetic) return "N";
        return null;
    }

    /** Fails when the operand's known type is not among {@code allowed}. */
    static void require(Operand operand, Set<String> allowed, String operator, Map<String, AttributeValue> values, String kind) {
        String type = known(operand, values);
        if (type != null && !allowed.contains(type)) throw incorrect(operator, type, kind);
    }

    static io.modyn.api.model.DynamoException incorrect(String operator, String type, String kind) {
        return ExpressionErrors.invalid(kind, "Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type);
    }

    /** A literal as DynamoDB prints it in BETWEEN messages: {@code {N:5}}. */
    static String render(AttributeValue value) {
        String text;
        if (value instanceof AttributeValue.S s) text = s.value();
        else if (value instanceof AttributeValue.N n) text = n.text();
        else if (value instanceof AttributeValue.B b) text = Base64.getEncoder().encodeToString(b.value());
        else text = value.toString();
        return "{" + value.typeName() + ":" + text + "}";
    }
}
