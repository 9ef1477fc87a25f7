package io.modyn.engine.partiql.parse;

import io.modyn.engine.partiql.PartiqlErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into tokens: identifiers (bare or {@code "quoted"}), {@code 'strings'} with
 * {@code ''} escapes, numbers, {@code ?} parameters, backtick Ion literals, {@code <<}/{@code >>}
 * bag brackets and operators. Comments ({@code --} to end of line) are skipped.
 */
public final class PartiqlLexer {

    private final String text;
    private int position;

    private PartiqlLexer(String text) {
        this.text = text;
    }

    public static List<Token> tokenize(String text) {
        return new PartiqlLexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        for (Token token = next(); ; token = next()) {
            tokens.add(token);
            if (token.kind() == TokenKind.END) return tokens;
        }
    }

    private Token next() {
        skipSpaceAndComments();
        int start = position;
        if (position >= text.length()) return new Token(TokenKind.END, "", start);
        char c = text.charAt(position);
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (position < text.length() && isIdentifierPart(text.charAt(position))) position++;
            return new Token(TokenKind.IDENTIFIER, text.substring(start, position), start);
        }
        if (Character.isDigit(c) || (c == '.' && position + 1 < text.length() && Character.isDigit(text.charAt(position + 1)))) {
            return number(start);
        }
        return switch (c) {
            case '"' -> new Token(TokenKind.QUOTED_IDENTIFIER, quoted('"'), start);
            case '\'' -> new Token(TokenKind.STRING, quoted('\''), start);
            case '`' -> ion(start);
            case '?' -> single(TokenKind.PARAMETER, start);
            case '(' -> single(TokenKind.LEFT_PAREN, start);
            case ')' -> single(TokenKind.RIGHT_PAREN, start);
            case '[' -> single(TokenKind.LEFT_BRACKET, start);
            case ']' -> single(TokenKind.RIGHT_BRACKET, start);
            case '{' -> single(TokenKind.LEFT_BRACE, start);
            case '}' -> single(TokenKind.RIGHT_BRACE, start);
            case ',' -> single(TokenKind.COMMA, start);
            case '.' -> single(TokenKind.DOT, start);
            case ':' -> single(TokenKind.COLON, start);
            case ';' -> single(TokenKind.SEMICOLON, start);
            case '*' -> single(TokenKind.STAR, start);
            case '+' -> single(TokenKind.PLUS, start);
            case '-' -> single(TokenKind.MINUS, start);
            case '=' -> single(TokenKind.EQ, start);
            case '!' -> {
                if (!lookingAt("!=")) throw PartiqlErrors.unexpectedCharacter(c);
                position += 2;
                yield new Token(TokenKind.NE, "!=", start);
            }
            case '<' -> lookingAt("<<") ? pair(TokenKind.BAG_OPEN, start)
                    : lookingAt("<>") ? pair(TokenKind.NE, start)
                    : lookingAt("<=") ? pair(TokenKind.LE, start)
                    : single(TokenKind.LT, start);
            case '>' -> lookingAt(">>") ? pair(TokenKind.BAG_CLOSE, start)
                    : lookingAt(">=") ? pair(TokenKind.GE, start)
                    : single(TokenKind.GT, start);
            default -> throw PartiqlErrors.unexpectedCharacter(c);
        };
    }

    private Token number(int start) {
        while (position < text.length() && Character.isDigit(text.charAt(position))) position++;
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            while (position < text.length() && Character.isDigit(text.charAt(position))) position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) position++;
            if (position >= text.length() || !Character.isDigit(text.charAt(position))) {
                position = mark;
            } else {
                while (position < text.length() && Character.isDigit(text.charAt(position))) position++;
            }
        }
        return new Token(TokenKind.NUMBER, text.substring(start, position), start);
    }

    /** The content between quotes, a doubled quote standing for one. */
    private String quoted(char quote) {
        StringBuilder content = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length()) throw PartiqlErrors.malformed("Unexpected end of statement: unterminated quoted text");
            char c = text.charAt(position++);
            if (c == quote) {
                if (position < text.length() && text.charAt(position) == quote) {
                    content.append(quote);
                    position++;
                } else {
                    return content.toString();
                }
            } else {
                content.append(c);
            }
        }
    }

    private Token ion(int start) {
        int end = text.indexOf('`', position + 1);
        if (end < 0) throw PartiqlErrors.malformed("Unexpected end of statement: unterminated Ion literal");
        String content = text.substring(position + 1, end);
        position = end + 1;
        return new Token(TokenKind.ION, content, start);
    }

    private void skipSpaceAndComments() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (lookingAt("--")) {
                while (position < text.length() && text.charAt(position) != '\n') position++;
            } else {
                return;
            }
        }
    }

    private boolean lookingAt(String s) {
        return text.startsWith(s, position);
    }

    private Token single(TokenKind kind, int start) {
        position++;
        return new Token(kind, text.substring(start, position), start);
    }

    private Token pair(TokenKind kind, int start) {
        position += 2;
        return new Token(kind, text.substring(start, position), start);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
