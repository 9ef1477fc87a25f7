package io.modyn.engine.expr.check;

import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.AstTraversal;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.UpdateExpression;
import io.modyn.engine.expr.parse.Parsed;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks on an UpdateExpression that depend only on its text (cached with the parse), in the
 * order DynamoDB reports them after any syntax error: redundant parentheses, a reserved word used as
 * a name, an unknown or misplaced function, a clause used twice, then the size limits.
 *
 * <p>{@code list_append} may not be nested in another function call; DynamoDB rejects
 * {@code list_append(list_append(:a, :b), :c)} although {@code list_append(if_not_exists(a, :e), :v)}
 * is the usual way to append to a list that may not exist yet.
 */
public final class UpdateStructure {

    private UpdateStructure() {
    }

    public static UpdateExpression check(Parsed<UpdateExpression> parsed, String kind) {
        UpdateExpression expression = parsed.tree();
        if (parsed.redundantParentheses()) throw ExpressionErrors.invalid(kind, "The expression has redundant parentheses;");
        List<DocumentPath> paths = AstTraversal.allPaths(expression);
        for (DocumentPath path : paths) ReservedNames.checkPath(path, kind);
        List<Operand> operands = AstTraversal.allOperands(expression);
        for (Operand operand : operands) {
            if (operand instanceof Operand.Function f) checkFunction(f, kind);
        }
        Set<String> seen = new HashSet<>();
        for (String clause : expression.clauses()) {
            if (!seen.add(clause)) {
                throw ExpressionErrors.invalid(kind, "The \"" + clause + "\" section can only be used once in an update expression;");
            }
        }
        for (DocumentPath path : paths) Limits.checkDepth(path, kind);
        int operators = (int) operands.stream().filter(o -> o instanceof Operand.Function || o instanceof Operand.Arithmetic).count();
        Limits.checkOperatorCount(operators, kind);
        return expression;
    }

    private static void checkFunction(Operand.Function function, String kind) {
        if (!Functions.isKnown(function.name())) {
            throw ExpressionErrors.invalid(kind, "Invalid function name; function: " + function.name());
        }
        if (!Functions.UPDATE_VALUES.contains(function.name())) {
            throw ExpressionErrors.invalid(kind, "The function is not allowed in an update expression; function: " + function.name());
        }
        for (Operand argument : function.arguments()) {
            if (argument instanceof Operand.Function nested && nested.name().equals(Functions.LIST_APPEND)) {
                throw ExpressionErrors.invalid(kind, "The function is not allowed to be used this way in an expression; function: "
                        + Functions.LIST_APPEND);
            }
        }
    }
}
