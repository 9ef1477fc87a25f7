package io.modyn.engine.expr.parse;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ExpressionErrors;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The parsers' view of the token stream: lookahead, expectations, DynamoDB's syntax-error message
 * and the detection of redundant parentheses, which DynamoDB rejects ({@code ((a = :v))}) but only
 * after the whole text has parsed, so the grammar just records them here.
 */
final class TokenCursor {

    private final String text;
    private final String kind;
    private final List<Token> tokens;
    /** For each '(' token, the index of its matching ')' token, or -1. */
    private final int[] closing;
    private int pos;
    private boolean redundantParentheses;

    TokenCursor(String text, String kind) {
        this.text = text;
        this.kind = kind;
        this.tokens = Lexer.tokenize(text);
        this.closing = matchParentheses(tokens);
    }

    String kind() {
        return kind;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    int position() {
        return pos;
    }

    Token advance() {
        Token token = tokens.get(pos);
        if (!token.is(TokenType.EOF)) pos++;
        return token;
    }

    boolean accept(TokenType type) {
        if (!peek().is(type)) return false;
        pos++;
        return true;
    }

    boolean acceptKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) return false;
        pos++;
        return true;
    }

    Token expect(TokenType type) {
        if (!peek().is(type)) throw syntaxError();
        return advance();
    }

    void expectEnd() {
        if (!peek().is(TokenType.EOF)) throw syntaxError();
    }

    /**
     * Records a parenthesized group from the '(' at {@code open} to the ')' at {@code close}; it is
     * redundant when its whole content is itself one parenthesized group.
     */
    void group(int open, int close) {
        if (tokens.get(open + 1).is(TokenType.LPAREN) && closing[open + 1] == close - 1) redundantParentheses = true;
    }

    boolean redundantParentheses() {
        return redundantParentheses;
    }

    /**
     * DynamoDB's syntax error at the current token: {@code Syntax error; token: "x", near: "a x b"},
     * where "near" runs from the token before the offending one to the token after it (to the end
     * of the text when the offending token is the end).
     */
    DynamoException syntaxError() {
        Token offending = peek();
        Token previous = pos > 0 ? tokens.get(pos - 1) : null;
        Token following = offending.is(TokenType.EOF) || tokens.get(pos + 1).is(TokenType.EOF) ? null : tokens.get(pos + 1);
        int nearStart = previous != null ? previous.start() : offending.start();
        int nearEnd = following != null ? following.end() : offending.is(TokenType.EOF) ? text.length() : offending.end();
        return ExpressionErrors.invalid(kind, "Syntax error; token: \"" + offending.text() + "\", near: \""
                + text.substring(nearStart, nearEnd) + "\"");
    }

    private static int[] matchParentheses(List<Token> tokens) {
        int[] closing = new int[tokens.size()];
        Arrays.fill(closing, -1);
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(TokenType.LPAREN)) {
                open.push(i);
            } else if (tokens.get(i).is(TokenType.RPAREN) && !open.isEmpty()) {
                closing[open.pop()] = i;
            }
        }
        return closing;
    }
}
