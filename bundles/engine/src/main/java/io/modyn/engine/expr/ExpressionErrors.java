package io.modyn.engine.expr;

import io.modyn.api.model.DynamoException;

/** DynamoDB's messages for invalid expressions: {@code Invalid <Kind>: <detail>}. */
public final class ExpressionErrors {

    private ExpressionErrors() {
    }

    public static DynamoException invalid(String kind, String detail) {
        return DynamoException.validation("Invalid " + kind + ": " + detail);
    }

    /**
     * A syntax error names the offending token and the text around it: from the token before it
     * to the token after it, as DynamoDB shows it.
     */
    static DynamoException syntax(String kind, String text, String token, int start, int end) {
        int nearStart = start;
        while (nearStart > 0 && Character.isWhitespace(text.charAt(nearStart - 1))) nearStart--;
        while (nearStart > 0 && !Character.isWhitespace(text.charAt(nearStart - 1))) nearStart--;
        int nearEnd = end;
        while (nearEnd < text.length() && Character.isWhitespace(text.charAt(nearEnd))) nearEnd++;
        while (nearEnd < text.length() && !Character.isWhitespace(text.charAt(nearEnd))) nearEnd++;
        return invalid(kind, "Syntax error; token: \"" + token + "\", near: \"" + text.substring(nearStart, nearEnd) + "\"");
    }

    static DynamoException syntax(String kind, String text, Token token) {
        return syntax(kind, text, token.text(), token.start(), token.end());
    }
}
