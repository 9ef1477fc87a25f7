package io.modyn.engine.expr.ast;

import java.util.List;

/** A value-producing part of an expression. */
public sealed interface Operand {

    /** The value at a document path of the item. */
    record Path(DocumentPath path) implements Operand {
    }

    /** A value from ExpressionAttributeValues, such as {@code :v}. */
    record Value(String placeholder) implements Operand {
    }

    /**
     * A function call used as a value, such as {@code size(a)} or {@code if_not_exists(a, :v)}.
     * Any name parses; whether the function exists and may be used here is checked afterwards.
     */
    record Function(String name, List<Operand> arguments) implements Operand {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code left + right} or {@code left - right}: only as the whole value of a SET action. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {
    }
}
