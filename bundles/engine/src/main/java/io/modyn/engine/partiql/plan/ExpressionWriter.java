package io.modyn.engine.partiql.plan;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.PathStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes PartiQL conditions and values as DynamoDB expression text, every name as a {@code #n}
 * placeholder and every value as a {@code :v} placeholder, so that any attribute name (reserved
 * word or not) and any value type reach the engine's expression compiler unchanged. One writer
 * serves all the expressions of one request, which share its names and values.
 */
public final class ExpressionWriter {

    private static final Map<String, String> IS_TYPES = Map.of(
            "NULL", "NULL", "STRING", "S", "NUMERIC", "N", "NUMBER", "N", "BOOLEAN", "BOOL", "BLOB", "B",
            "LIST", "L", "TUPLE", "M", "STRUCT", "M");
    private static final List<String> CONDITION_FUNCTIONS = List.of(
            "begins_with", "contains", "attribute_type", "attribute_exists", "attribute_not_exists");

    private final ValueBinder binder;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> placeholderOf = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    public ExpressionWriter(ValueBinder binder) {
        this.binder = binder;
    }

    /** The ExpressionAttributeNames used so far, or null when none. */
    public Map<String, String> names() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    /** The ExpressionAttributeValues used so far, or null when none. */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }

    /** A boolean expression of a WHERE clause. */
    public String condition(Expr expr) {
        if (expr instanceof Expr.And and) return "(" + condition(and.left()) + ") AND (" + condition(and.right()) + ")";
        if (expr instanceof Expr.Or or) return "(" + condition(or.left()) + ") OR (" + condition(or.right()) + ")";
        if (expr instanceof Expr.Not not) return "NOT (" + condition(not.operand()) + ")";
        if (expr instanceof Expr.Comparison c) return operand(c.left()) + " " + c.operator() + " " + operand(c.right());
        if (expr instanceof Expr.Between b) {
            String between = operand(b.operand()) + " BETWEEN " + operand(b.lower()) + " AND " + operand(b.upper());
            return b.negated() ? "NOT (" + between + ")" : between;
        }
        if (expr instanceof Expr.In in) {
            if (in.candidates().isEmpty()) {
                throw DynamoException.validation("IN operator must have a left hand argument of type Variable Reference "
                        + "and right hand argument of type Seq with at least one member");
            }
            String text = operand(in.operand()) + " IN (" + in.candidates().stream().map(this::operand).collect(Collectors.joining(", ")) + ")";
            return in.negated() ? "NOT (" + text + ")" : text;
        }
        if (expr instanceof Expr.Is is) return is(is);
        if (expr instanceof Expr.Call call) {
            if (!CONDITION_FUNCTIONS.contains(call.name())) {
                if (call.name().equals("size")) throw notBoolean();
                throw PartiqlErrors.unrecognizedFunction(call.name());
            }
            return call.name() + "(" + call.arguments().stream().map(this::operand).collect(Collectors.joining(", ")) + ")";
        }
        throw notBoolean();
    }

    /** A value-producing operand: a path, a bound value, {@code size(path)}, or (in SET) arithmetic and list functions. */
    public String operand(Expr expr) {
        if (expr instanceof Expr.Path path) return path(path);
        if (ValueBinder.isValue(expr)) return value(binder.bind(expr));
        if (expr instanceof Expr.Call call) {
            return call.name() + "(" + call.arguments().stream().map(this::operand).collect(Collectors.joining(", ")) + ")";
        }
        if (expr instanceof Expr.Arithmetic a) return operand(a.left()) + " " + a.operator() + " " + operand(a.right());
        throw PartiqlErrors.malformed("Unexpected expression in operand position");
    }

    public String path(Expr.Path path) {
        StringBuilder text = new StringBuilder();
        for (PathStep step : path.steps()) {
            if (step instanceof PathStep.Name name) {
                if (!text.isEmpty()) text.append('.');
                text.append(name(name.name()));
            } else {
                text.append('[').append(((PathStep.Index) step).index()).append(']');
            }
        }
        return text.toString();
    }

    /** The placeholder of an attribute name, the same one each time the name is used. */
    public String name(String name) {
        return placeholderOf.computeIfAbsent(name, n -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, n);
            return placeholder;
        });
    }

    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    private String is(Expr.Is is) {
        if (!(is.operand() instanceof Expr.Path path)) {
            throw DynamoException.validation("The left hand side argument to IS must be a Variable Reference, Literal, or Path");
        }
        String text;
        if (is.type().equals("MISSING")) {
            return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + path(path) + ")";
        }
        String type = IS_TYPES.get(is.type().toUpperCase(Locale.ROOT));
        if (type == null) {
            throw DynamoException.validation("Unsupported data type for IS operator: " + is.type()
                    + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
        }
        text = "attribute_type(" + path(path) + ", " + value(AttributeValue.s(type)) + ")";
        return is.negated() ? "NOT (" + text + ")" : text;
    }

    private static DynamoException notBoolean() {
        return DynamoException.validation("WHERE clause must contain an expression that resolves to a boolean");
    }
}
