package io.modyn.engine.expr.parse;

import io.modyn.engine.expr.ExpressionErrors;
import java.nio.charset.StandardCharsets;

/**
 * The checks DynamoDB makes on an expression's text before parsing it: not empty, and at most
 * 4 KB of UTF-8 (developer guide, "Expression parameters" limits: "The maximum length of any
 * expression string is 4 KB").
 */
public final class ExpressionText {

    public static final int MAX_BYTES = 4096;

    private ExpressionText() {
    }

    public static void check(String text, String kind) {
        if (text.isBlank()) throw ExpressionErrors.requestCheck(kind, "The expression can not be empty;");
        if (text.length() * 3 <= MAX_BYTES) return; // a UTF-16 unit is at most 3 UTF-8 bytes: no need to encode
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BYTES) {
            throw ExpressionErrors.invalid(kind, "Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
    }
}
