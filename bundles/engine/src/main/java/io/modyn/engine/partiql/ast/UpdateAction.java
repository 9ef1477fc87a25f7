package io.modyn.engine.partiql.ast;

/** One action of an UPDATE: {@code SET path = value} or {@code REMOVE path}. */
public sealed interface UpdateAction {

    Expr.Path path();

    record Set(Expr.Path path, Expr value) implements UpdateAction {
    }

    record Remove(Expr.Path path) implements UpdateAction {
    }
}
