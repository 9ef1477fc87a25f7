package io.modyn.engine.expr.parse;

/** A lexical token of an expression, with its position in the text for error messages. */
public record Token(TokenType type, String text, int start, int end) {

    public boolean is(TokenType t) {
        return type == t;
    }

    /** True for an identifier that spells the keyword, in any case (keywords are case-insensitive). */
    public boolean isKeyword(String keyword) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }
}
