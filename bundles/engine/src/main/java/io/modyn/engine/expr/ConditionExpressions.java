package io.modyn.engine.expr;

import io.modyn.engine.expr.compile.ConditionCompiler;

/** Compiles ConditionExpression and FilterExpression text. */
public final class ConditionExpressions {

    private ConditionExpressions() {
    }

    /**
     * Parses (or takes from the cache) and compiles a condition for one request. The result also
     * tells which attributes it reads, for {@link KeyAttributeRules}.
     *
     * @param kind the request member, for messages: "ConditionExpression" or "FilterExpression"
     * @throws io.modyn.api.model.DynamoException with DynamoDB's message for any invalid expression
     */
    public static ItemCondition compile(String text, String kind, ExpressionAttributes attributes) {
        return ConditionCompiler.compile(ConditionParser.checked(text, kind), attributes, kind);
    }
}
