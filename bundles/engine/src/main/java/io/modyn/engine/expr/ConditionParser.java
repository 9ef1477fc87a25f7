package io.modyn.engine.expr;

import io.modyn.engine.expr.ast.AstTraversal;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.check.ConditionStructure;
import io.modyn.engine.expr.check.Functions;
import io.modyn.engine.expr.parse.ConditionGrammar;
import io.modyn.engine.expr.parse.ExpressionText;
import io.modyn.engine.expr.parse.ParsedExpressionCache;

/**
 * Parses condition text (ConditionExpression, FilterExpression, KeyConditionExpression) into its
 * syntax tree, checked for everything that depends on the text alone; trees are cached by kind and
 * text. Names and values are resolved per request by {@link ConditionExpressions}.
 */
public final class ConditionParser {

    private static final ParsedExpressionCache<Condition> CACHE = new ParsedExpressionCache<>(2048);

    private ConditionParser() {
    }

    /**
     * For callers that interpret the tree themselves (the key condition of a Query): the checked
     * tree, with every function's operand count verified too.
     *
     * @param kind the request member the text came from, for messages (e.g. "KeyConditionExpression")
     */
    public static Condition parse(String text, String kind) {
        Condition condition = checked(text, kind);
        for (Condition leaf : AstTraversal.leaves(condition)) {
            if (leaf instanceof Condition.Function f) checkOperandCount(f.name(), f.arguments().size(), kind);
            for (Operand operand : AstTraversal.operands(leaf)) {
                AstTraversal.eachOperand(operand, o -> {
                    if (o instanceof Operand.Function f) checkOperandCount(f.name(), f.arguments().size(), kind);
                });
            }
        }
        return condition;
    }

    /** The syntax tree after the text-only checks, from the cache when the same text was seen before. */
    static Condition checked(String text, String kind) {
        ExpressionText.check(text, kind);
        return CACHE.get(kind, text, t -> ConditionStructure.check(ConditionGrammar.parse(t, kind), kind));
    }

    private static void checkOperandCount(String function, int count, String kind) {
        if (count != Functions.operandCount(function)) {
            throw ExpressionErrors.invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + count);
        }
    }
}
