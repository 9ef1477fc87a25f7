package io.modyn.engine.partiql.parse;

/** One token: its kind, its text (a string literal's or quoted identifier's unescaped content) and where it starts. */
public record Token(TokenKind kind, String text, int position) {

    /** An unquoted identifier equal to the keyword, ignoring case. */
    public boolean isKeyword(String keyword) {
        return kind == TokenKind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }
}
