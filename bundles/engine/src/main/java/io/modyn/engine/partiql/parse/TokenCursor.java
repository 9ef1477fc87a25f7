package io.modyn.engine.partiql.parse;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.partiql.PartiqlErrors;
import java.util.List;

/**
 * The parser's position in a statement's tokens, and the count of {@code ?} parameters met so
 * far (a parameter's index is its position among them).
 */
final class TokenCursor {

    private final List<Token> tokens;
    private int next;
    private int parameters;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != TokenKind.END) next++;
        return token;
    }

    boolean accept(TokenKind kind) {
        if (peek().kind() != kind) return false;
        advance();
        return true;
    }

    boolean acceptKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) return false;
        advance();
        return true;
    }

    void expect(TokenKind kind) {
        if (!accept(kind)) throw unexpected();
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) throw unexpected();
    }

    /** The index of the {@code ?} just read. */
    int nextParameter() {
        return parameters++;
    }

    int parameterCount() {
        return parameters;
    }

    DynamoException unexpected() {
        return unexpectedAt(peek());
    }

    static DynamoException unexpectedAt(Token token) {
        if (token.kind() == TokenKind.END) return PartiqlErrors.malformed("Unexpected end of statement");
        return PartiqlErrors.malformed("Unexpected token: " + token.text());
    }
}
