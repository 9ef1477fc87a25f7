package io.modyn.engine.expr;

/** A lexical token of an expression, with its position for error messages. */
record Token(TokenType type, String text, int start, int end) {

    boolean is(TokenType t) { return type == t; }

    /** True for an identifier that spells the keyword, in any case (keywords are case-insensitive). */
    boolean isKeyword(String keyword) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }
}
