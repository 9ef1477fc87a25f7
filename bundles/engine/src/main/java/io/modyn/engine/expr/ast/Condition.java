package io.modyn.engine.expr.ast;

import java.util.List;

/** A boolean expression: ConditionExpression, FilterExpression or KeyConditionExpression. */
public sealed interface Condition {

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition operand) implements Condition {
    }

    record Comparison(Comparator comparator, Operand left, Operand right) implements Condition {
    }

    record Between(Operand operand, Operand lower, Operand upper) implements Condition {
    }

    record In(Operand operand, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** A boolean function such as {@code begins_with(a, :p)} or {@code attribute_exists(a)}. */
    record Function(String name, List<Operand> arguments) implements Condition {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }
}
