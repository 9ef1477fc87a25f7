package io.modyn.engine.expr.check;

import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.AstTraversal;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.parse.Parsed;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks on a condition that depend only on its text, made once per distinct expression
 * (the result is cached). DynamoDB reports them in this order, after any syntax error: redundant
 * parentheses, an unknown function, a function used where it cannot be, a reserved word used as a
 * name, then the size limits. Errors that need ExpressionAttributeNames/Values come later, from
 * {@code compile.ConditionCompiler}.
 */
public final class ConditionStructure {

    private ConditionStructure() {
    }

    /** A function call as written, and whether it stands where a condition is expected. */
    private record Call(String name, boolean asCondition) {
    }

    public static Condition check(Parsed<Condition> parsed, String kind) {
        Condition condition = parsed.tree();
        if (parsed.redundantParentheses()) throw ExpressionErrors.invalid(kind, "The expression has redundant parentheses;");
        List<Call> calls = calls(condition);
        for (Call call : calls) {
            if (!Functions.isKnown(call.name())) {
                throw ExpressionErrors.invalid(kind, "Invalid function name; function: " + call.name());
            }
            if (Functions.UPDATE_VALUES.contains(call.name())) {
                throw ExpressionErrors.invalid(kind, "The function is not allowed in a condition expression; function: " + call.name());
            }
        }
        for (Call call : calls) {
            boolean isCondition = Functions.CONDITIONS.contains(call.name());
            if (isCondition != call.asCondition()) {
                throw ExpressionErrors.invalid(kind, "The function is not allowed to be used this way in an expression; function: " + call.name());
            }
        }
        List<Operand> operands = AstTraversal.allOperands(condition);
        ReservedNames.check(operands, kind);
        for (Operand operand : operands) {
            if (operand instanceof Operand.Path p) Limits.checkDepth(p.path(), kind);
        }
        Limits.checkOperatorCount(operatorCount(condition), kind);
        return condition;
    }

    private static List<Call> calls(Condition condition) {
        List<Call> calls = new ArrayList<>();
        for (Condition leaf : AstTraversal.leaves(condition)) {
            if (leaf instanceof Condition.Function f) calls.add(new Call(f.name(), true));
            for (Operand operand : AstTraversal.operands(leaf)) {
                AstTraversal.eachOperand(operand, o -> {
                    if (o instanceof Operand.Function f) calls.add(new Call(f.name(), false));
                });
            }
        }
        return calls;
    }

    private static int operatorCount(Condition condition) {
        if (condition instanceof Condition.And and) return 1 + operatorCount(and.left()) + operatorCount(and.right());
        if (condition instanceof Condition.Or or) return 1 + operatorCount(or.left()) + operatorCount(or.right());
        if (condition instanceof Condition.Not not) return 1 + operatorCount(not.operand());
        int[] count = {1};
        for (Operand operand : AstTraversal.operands(condition)) {
            AstTraversal.eachOperand(operand, o -> {
                if (o instanceof Operand.Function) count[0]++;
            });
        }
        return count[0];
    }
}
