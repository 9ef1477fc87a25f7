package io.modyn.engine.expr.eval;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.ast.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A compiled condition, names and values resolved, evaluated against an item. Evaluation never
 * fails: a missing attribute or a value of the wrong type makes a comparison false (and {@code <>}
 * true), as in DynamoDB.
 */
public sealed interface Predicate {

    boolean test(Map<String, AttributeValue> item);

    record And(Predicate left, Predicate right) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Predicate left, Predicate right) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Predicate operand) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return !operand.test(item);
        }
    }

    record Compare(Comparator comparator, Term left, Term right) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue a = left.evaluate(item);
            AttributeValue b = right.evaluate(item);
            if (comparator == Comparator.EQ) return Values.equal(a, b);
            if (comparator == Comparator.NE) return !Values.equal(a, b);
            Integer order = Values.compare(a, b);
            if (order == null) return false;
            return switch (comparator) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                default -> throw new IllegalStateException("EQ and NE are handled above");
            };
        }
    }

    record Between(Term operand, Term lower, Term upper) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue value = operand.evaluate(item);
            Integer aboveLower = Values.compare(value, lower.evaluate(item));
            Integer belowUpper = Values.compare(value, upper.evaluate(item));
            return aboveLower != null && belowUpper != null && aboveLower >= 0 && belowUpper <= 0;
        }
    }

    record In(Term operand, List<Term> candidates) implements Predicate {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue value = operand.evaluate(item);
            for (Term candidate : candidates) {
                if (Values.equal(value, candidate.evaluate(item))) return true;
            }
            return false;
        }
    }

    /** {@code attribute_exists(path)}; {@code attribute_not_exists} is its negation. */
    record Exists(ResolvedPath path) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return path.find(item) != null;
        }
    }

    /** {@code attribute_type(operand, :type)}. */
    record HasType(Term operand, String typeName) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue value = operand.evaluate(item);
            return value != null && value.typeName().equals(typeName);
        }
    }

    record BeginsWith(Term operand, Term prefix) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return Values.beginsWith(operand.evaluate(item), prefix.evaluate(item));
        }
    }

    record Contains(Term operand, Term element) implements Predicate {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return Values.contains(operand.evaluate(item), element.evaluate(item));
        }
    }
}
