package io.modyn.engine.expr.ast;

/** One action of an UpdateExpression, as written: a target path and, for most, an operand. */
public sealed interface UpdateAction {

    DocumentPath path();

    /** {@code SET path = value}; the value may be an {@link Operand.Arithmetic}. */
    record Set(DocumentPath path, Operand value) implements UpdateAction {
    }

    /** {@code REMOVE path}. */
    record Remove(DocumentPath path) implements UpdateAction {
    }

    /** {@code ADD path :value}. */
    record Add(DocumentPath path, Operand.Value value) implements UpdateAction {
    }

    /** {@code DELETE path :value}. */
    record Delete(DocumentPath path, Operand.Value value) implements UpdateAction {
    }
}
