package io.modyn.engine.expr;

import io.modyn.api.model.DynamoException;

/** DynamoDB's messages for invalid expressions: {@code Invalid <Kind>: <detail>}. */
public final class ExpressionErrors {

    private ExpressionErrors() {
    }

    public static DynamoException invalid(String kind, String detail) {
        return DynamoException.validation("Invalid " + kind + ": " + detail);
    }
}
