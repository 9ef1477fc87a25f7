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

    /** A function used as a value, such as {@code size(a)}. */
    record Function(String name, List<Operand> arguments) implements Operand {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }
}
