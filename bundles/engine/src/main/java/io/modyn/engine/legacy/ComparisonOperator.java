package io.modyn.engine.legacy;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.ast.Comparator;
import io.modyn.engine.expr.eval.Predicate;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.eval.Term;
import java.util.List;
import java.util.Set;

/**
 * The legacy ComparisonOperator values (API reference, "Condition"): how many values each takes in
 * AttributeValueList, the value types it accepts, and the condition it stands for. EQ, NE, NULL and
 * NOT_NULL work on every type; the ordering operators, IN and BETWEEN on strings, numbers and
 * binaries; CONTAINS and NOT_CONTAINS look for a string, number or binary; BEGINS_WITH takes a string
 * or binary prefix.
 */
enum ComparisonOperator {
    EQ(1, 1, null),
    NE(1, 1, null),
    LE(1, 1, Types.ORDERED),
    LT(1, 1, Types.ORDERED),
    GE(1, 1, Types.ORDERED),
    GT(1, 1, Types.ORDERED),
    NOT_NULL(0, 0, null),
    NULL(0, 0, null),
    CONTAINS(1, 1, Types.ORDERED),
    NOT_CONTAINS(1, 1, Types.ORDERED),
    BEGINS_WITH(1, 1, Set.of("S", "B")),
    IN(1, Integer.MAX_VALUE, Types.ORDERED),
    BETWEEN(2, 2, Types.ORDERED);

    /** The wire names in the order DynamoDB lists them in its enum constraint message. */
    static final List<String> NAMES = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE",
            "BEGINS_WITH", "GE", "CONTAINS");

    private final int minValues;
    private final int maxValues;
    /** The value types accepted, or null for all. */
    private final Set<String> types;

    ComparisonOperator(int minValues, int maxValues, Set<String> types) {
        this.minValues = minValues;
        this.maxValues = maxValues;
        this.types = types;
    }

    boolean acceptsCount(int count) {
        return count >= minValues && count <= maxValues;
    }

    boolean acceptsType(String typeName) {
        return types == null || types.contains(typeName);
    }

    Predicate predicate(ResolvedPath path, List<AttributeValue> values) {
        Term attribute = new Term.PathValue(path);
        List<Term> literals = values.stream().<Term>map(Term.Literal::new).toList();
        return switch (this) {
            case EQ -> new Predicate.Compare(Comparator.EQ, attribute, literals.get(0));
            case NE -> new Predicate.Compare(Comparator.NE, attribute, literals.get(0));
            case LE -> new Predicate.Compare(Comparator.LE, attribute, literals.get(0));
            case LT -> new Predicate.Compare(Comparator.LT, attribute, literals.get(0));
            case GE -> new Predicate.Compare(Comparator.GE, attribute, literals.get(0));
            case GT -> new Predicate.Compare(Comparator.GT, attribute, literals.get(0));
            case NOT_NULL -> new Predicate.Exists(path);
            case NULL -> new Predicate.Not(new Predicate.Exists(path));
            case CONTAINS -> new Predicate.Contains(attribute, literals.get(0));
            // a missing attribute neither contains nor fails to contain: NOT_CONTAINS is false then
            case NOT_CONTAINS -> new Predicate.And(new Predicate.Exists(path), new Predicate.Not(new Predicate.Contains(attribute, literals.get(0))));
            case BEGINS_WITH -> new Predicate.BeginsWith(attribute, literals.get(0));
            case IN -> new Predicate.In(attribute, literals);
            case BETWEEN -> new Predicate.Between(attribute, literals.get(0), literals.get(1));
        };
    }

    private static final class Types {
        static final Set<String> ORDERED = Set.of("S", "N", "B");
    }
}
