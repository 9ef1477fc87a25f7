package io.modyn.engine.partiql.plan;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the value expressions of a statement (literals, {@code ?} parameters, lists, maps and
 * bags) to attribute values. A bag becomes a string, number or binary set, as DynamoDB reads it.
 */
public final class ValueBinder {

    private final List<AttributeValue> parameters;

    public ValueBinder(List<AttributeValue> parameters) {
        this.parameters = parameters == null ? List.of() : parameters;
    }

    /** True for an expression that is a value (not a path, comparison or function call). */
    public static boolean isValue(Expr expr) {
        return expr instanceof Expr.Literal || expr instanceof Expr.Parameter || expr instanceof Expr.ListValue
                || expr instanceof Expr.MapValue || expr instanceof Expr.BagValue;
    }

    public AttributeValue bind(Expr expr) {
        if (expr instanceof Expr.Literal literal) return literal.value();
        if (expr instanceof Expr.Parameter parameter) return parameters.get(parameter.index());
        if (expr instanceof Expr.ListValue list) {
            List<AttributeValue> values = new ArrayList<>(list.elements().size());
            for (Expr element : list.elements()) values.add(bindElement(element));
            return new AttributeValue.L(values);
        }
        if (expr instanceof Expr.MapValue map) {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            for (Expr.MapValue.Entry entry : map.entries()) values.put(entry.key(), bindElement(entry.value()));
            return new AttributeValue.M(values);
        }
        if (expr instanceof Expr.BagValue bag) return set(bag);
        throw PartiqlErrors.malformed("Expected a value");
    }

    private AttributeValue bindElement(Expr element) {
        if (!isValue(element)) throw PartiqlErrors.malformed("Expected a value");
        return bind(element);
    }

    private AttributeValue set(Expr.BagValue bag) {
        if (bag.elements().isEmpty()) throw PartiqlErrors.emptyBag();
        List<AttributeValue> members = new ArrayList<>();
        for (Expr element : bag.elements()) members.add(bindElement(element));
        if (members.stream().allMatch(v -> v instanceof AttributeValue.S)) {
            return new AttributeValue.SS(members.stream().map(v -> ((AttributeValue.S) v).value()).toList());
        }
        if (members.stream().allMatch(v -> v instanceof AttributeValue.N)) {
            List<BigDecimal> numbers = members.stream().map(v -> ((AttributeValue.N) v).value()).toList();
            return new AttributeValue.NS(numbers);
        }
        if (members.stream().allMatch(v -> v instanceof AttributeValue.B)) {
            return new AttributeValue.BS(members.stream().map(v -> ((AttributeValue.B) v).value()).toList());
        }
        throw PartiqlErrors.unsupportedDataTypeInBag();
    }
}
