package io.modyn.engine.partiql.ast;

import java.util.List;

/** An expression of a WHERE clause, a SET value or an INSERT item. */
public sealed interface Expr {

    /** An attribute path: its first step is always a name. */
    record Path(List<PathStep> steps) implements Expr {
        public Path {
            steps = List.copyOf(steps);
        }

        public String firstName() {
            return ((PathStep.Name) steps.get(0)).name();
        }

        public boolean isTopLevel() {
            return steps.size() == 1;
        }
    }

    /** A scalar literal: {@code 'text'}, a number, {@code TRUE}/{@code FALSE}, {@code NULL}, or Ion text. */
    record Literal(io.modyn.api.model.AttributeValue value) implements Expr {
    }

    /** The {@code index}-th {@code ?} of the statement, counted from 0. */
    record Parameter(int index) implements Expr {
    }

    /** {@code [a, b]}: a list. */
    record ListValue(List<Expr> elements) implements Expr {
        public ListValue {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {'k': v}}: a map, with its keys in the order written. */
    record MapValue(List<Entry> entries) implements Expr {
        public MapValue {
            entries = List.copyOf(entries);
        }

        public record Entry(String key, Expr value) {
        }
    }

    /** {@code <<a, b>>}: a bag, which DynamoDB reads as a string, number or binary set. */
    record BagValue(List<Expr> elements) implements Expr {
        public BagValue {
            elements = List.copyOf(elements);
        }
    }

    /** {@code left op right} for =, <>, <, <=, >, >= (with {@code !=} read as {@code <>}). */
    record Comparison(String operator, Expr left, Expr right) implements Expr {
    }

    record Between(Expr operand, Expr lower, Expr upper, boolean negated) implements Expr {
    }

    record In(Expr operand, List<Expr> candidates, boolean negated) implements Expr {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code operand IS [NOT] MISSING} or {@code IS [NOT] NULL}. */
    record Is(Expr operand, String type, boolean negated) implements Expr {
    }

    /** A function call such as {@code begins_with(a, 'x')}; the name is lower-cased. */
    record Call(String name, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code left + right} or {@code left - right}. */
    record Arithmetic(char operator, Expr left, Expr right) implements Expr {
    }

    record And(Expr left, Expr right) implements Expr {
    }

    record Or(Expr left, Expr right) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }
}
