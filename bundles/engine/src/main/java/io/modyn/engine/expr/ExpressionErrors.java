package io.modyn.engine.expr;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.validation.RequestCheckFailure;

/** DynamoDB's messages for invalid expressions: {@code Invalid <Kind>: <detail>}. */
public final class ExpressionErrors {

    private ExpressionErrors() {
    }

    public static DynamoException invalid(String kind, String detail) {
        return DynamoException.validation("Invalid " + kind + ": " + detail);
    }

    /**
     * An error that is a {@link RequestCheckFailure} in a ConditionExpression, the one kind whose
     * wording the 2026 captures cover (an empty expression, an undefined value); in the other
     * expressions it stays a plain error until a capture says otherwise.
     */
    public static DynamoException requestCheck(String kind, String detail) {
        return "ConditionExpression".equals(kind) ? RequestCheckFailure.of("Invalid " + kind + ": " + detail) : invalid(kind, detail);
    }
}
