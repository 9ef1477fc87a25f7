package io.modyn.engine.expr.ast;

import java.util.List;

/**
 * A parsed UpdateExpression: its actions in the order written, and its clause keywords
 * ({@code SET}, {@code REMOVE}, {@code ADD}, {@code DELETE}, upper-cased) in the order they appear,
 * so that a clause used twice can be reported as DynamoDB reports it.
 */
public record UpdateExpression(List<UpdateAction> actions, List<String> clauses) {

    public UpdateExpression {
        actions = List.copyOf(actions);
        clauses = List.copyOf(clauses);
    }
}
