package io.modyn.engine.expr.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. It never fails: a character that starts no token becomes an
 * {@link TokenType#INVALID} token, so the parser reports it as DynamoDB does, as the offending token
 * of a syntax error together with the tokens around it.
 *
 * <p>Bare names start with a letter (DynamoDB rejects {@code _a} and {@code 1a}); placeholders
 * ({@code #n}, {@code :v}) may continue with any letter, digit or underscore.
 */
public final class Lexer {

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    public static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && isWhitespace(text.charAt(pos))) pos++;
            if (pos >= text.length()) {
                tokens.add(new Token(TokenType.EOF, "<EOF>", pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (isLetter(c)) {
            while (pos < text.length() && isNamePart(text.charAt(pos))) pos++;
            return token(TokenType.IDENTIFIER, start);
        }
        if (c == '#' || c == ':') {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos))) pos++;
            if (pos == start + 1) return token(TokenType.INVALID, start);
            return token(c == '#' ? TokenType.NAME_REF : TokenType.VALUE_REF, start);
        }
        if (c >= '0' && c <= '9') {
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
            return token(TokenType.NUMBER, start);
        }
        pos++;
        return switch (c) {
            case '=' -> token(TokenType.EQ, start);
            case '<' -> follows('=') ? token(TokenType.LE, start) : follows('>') ? token(TokenType.NE, start) : token(TokenType.LT, start);
            case '>' -> follows('=') ? token(TokenType.GE, start) : token(TokenType.GT, start);
            case '(' -> token(TokenType.LPAREN, start);
            case ')' -> token(TokenType.RPAREN, start);
            case '[' -> token(TokenType.LBRACKET, start);
            case ']' -> token(TokenType.RBRACKET, start);
            case ',' -> token(TokenType.COMMA, start);
            case '.' -> token(TokenType.DOT, start);
            case '+' -> token(TokenType.PLUS, start);
            case '-' -> token(TokenType.MINUS, start);
            default -> {
                // one whole code point, so a character outside the BMP is reported intact
                if (Character.isHighSurrogate(c) && pos < text.length() && Character.isLowSurrogate(text.charAt(pos))) pos++;
                yield token(TokenType.INVALID, start);
            }
        };
    }

    private boolean follows(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private Token token(TokenType type, int start) {
        return new Token(type, text.substring(start, pos), start, pos);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
