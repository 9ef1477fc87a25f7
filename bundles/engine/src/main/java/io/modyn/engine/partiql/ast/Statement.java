package io.modyn.engine.partiql.ast;

import java.util.List;

/** A parsed PartiQL statement. {@code parameterCount} is the number of {@code ?} it holds. */
public sealed interface Statement {

    TableRef target();

    int parameterCount();

    /** Reads (SELECT) may not be mixed with writes in a batch or a transaction. */
    default boolean isRead() {
        return this instanceof Select;
    }

    /**
     * @param projection the paths selected, or empty for {@code *}
     * @param where the WHERE condition, or null
     * @param orderBy the ORDER BY path, or null; {@code descending} for DESC
     */
    record Select(List<Expr.Path> projection, TableRef target, Expr where, Expr.Path orderBy, boolean descending,
                  int parameterCount) implements Statement {
        public Select {
            projection = List.copyOf(projection);
        }
    }

    record Insert(TableRef target, Expr item, int parameterCount) implements Statement {
    }

    /** @param returning the RETURNING clause, or null */
    record Update(TableRef target, List<UpdateAction> actions, Expr where, Returning returning, int parameterCount) implements Statement {
        public Update {
            actions = List.copyOf(actions);
        }
    }

    record Delete(TableRef target, Expr where, Returning returning, int parameterCount) implements Statement {
    }

    /** {@code EXISTS(SELECT ...)}: a condition check inside ExecuteTransaction. */
    record Exists(Select select) implements Statement {
        @Override public TableRef target() { return select.target(); }
        @Override public int parameterCount() { return select.parameterCount(); }
    }
}
