package io.modyn.engine.expr.check;

import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.DocumentPath;

/**
 * DynamoDB's structural limits on expressions (developer guide, "Expression parameters" limits):
 * document paths at most 32 levels deep, at most 300 operators and functions per expression, and
 * at most 100 operands in an IN list.
 */
public final class Limits {

    public static final int MAX_PATH_DEPTH = 32;
    public static final int MAX_OPERATORS = 300;
    public static final int MAX_IN_OPERANDS = 100;

    private Limits() {
    }

    static void checkDepth(DocumentPath path, String kind) {
        int depth = path.elements().size();
        if (depth > MAX_PATH_DEPTH) {
            throw ExpressionErrors.invalid(kind, "The document path has too many nesting levels; nesting levels: " + depth);
        }
    }

    static void checkOperatorCount(int count, String kind) {
        if (count > MAX_OPERATORS) {
            throw ExpressionErrors.invalid(kind, "The expression contains too many operators; operator count: " + count);
        }
    }
}
