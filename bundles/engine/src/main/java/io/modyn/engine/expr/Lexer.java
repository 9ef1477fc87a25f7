package io.modyn.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens; an unexpected character is reported as a syntax error. */
final class Lexer {

    private final String text;
    private final String kind;
    private int pos;

    private Lexer(String text, String kind) {
        this.text = text;
        this.kind = kind;
    }

    static List<Token> tokenize(String text, String kind) {
        return new Lexer(text, kind).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
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
        if (isNameStart(c)) {
            while (pos < text.length() && isNamePart(text.charAt(pos))) pos++;
            return token(TokenType.IDENTIFIER, start);
        }
        if (c == '#' || c == ':') {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos))) pos++;
            if (pos == start + 1) throw ExpressionErrors.syntax(kind, text, String.valueOf(c), start, pos);
            return token(c == '#' ? TokenType.NAME_REF : TokenType.VALUE_REF, start);
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            return token(TokenType.NUMBER, start);
        }
        pos++;
        switch (c) {
            case '=': return token(TokenType.EQ, start);
            case '<':
                if (peek('=')) return token(TokenType.LE, start);
                if (peek('>')) return token(TokenType.NE, start);
                return token(TokenType.LT, start);
            case '>':
                if (peek('=')) return token(TokenType.GE, start);
                return token(TokenType.GT, start);
            case '(': return token(TokenType.LPAREN, start);
            case ')': return token(TokenType.RPAREN, start);
            case '[': return token(TokenType.LBRACKET, start);
            case ']': return token(TokenType.RBRACKET, start);
            case ',': return token(TokenType.COMMA, start);
            case '.': return token(TokenType.DOT, start);
            case '+': return token(TokenType.PLUS, start);
            case '-': return token(TokenType.MINUS, start);
            default: throw ExpressionErrors.syntax(kind, text, String.valueOf(c), start, pos);
        }
    }

    private boolean peek(char expected) {
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private Token token(TokenType type, int start) {
        return new Token(type, text.substring(start, pos), start, pos);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
