package io.modyn.engine.expr;

import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ast.UpdateExpression;
import io.modyn.engine.expr.check.UpdateStructure;
import io.modyn.engine.expr.compile.UpdateCompiler;
import io.modyn.engine.expr.parse.ExpressionText;
import io.modyn.engine.expr.parse.ParsedExpressionCache;
import io.modyn.engine.expr.parse.UpdateGrammar;

/** Compiles UpdateExpression text. */
public final class UpdateExpressions {

    private static final String KIND = "UpdateExpression";
    private static final ParsedExpressionCache<UpdateExpression> CACHE = new ParsedExpressionCache<>(2048);

    private UpdateExpressions() {
    }

    /**
     * Parses (or takes from the cache) and compiles an update for one request.
     *
     * @param table for the key attributes, which an update may not touch; null skips that check, for
     *        an operation that compiles before looking the table up (DynamoDB reports expression
     *        errors before a missing table) and then applies {@link KeyAttributeRules} to
     *        {@link ItemUpdate#updatedAttributes()} and {@link ItemUpdate#nestedAttributes()}
     * @throws io.modyn.api.model.DynamoException with DynamoDB's message for any invalid expression
     */
    public static ItemUpdate compile(String text, ExpressionAttributes attributes, TableDefinition table) {
        ExpressionText.check(text, KIND);
        UpdateExpression expression = CACHE.get(KIND, text, t -> UpdateStructure.check(UpdateGrammar.parse(t, KIND), KIND));
        return UpdateCompiler.compile(expression, attributes, KIND, table);
    }
}
