package io.modyn.engine.expr.parse;

import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.PathElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of the grammar every expression shares: document paths ({@code a.#b[3]}) and plain
 * operands (a path, a {@code :value} or a function call, optionally parenthesized). Keywords of the
 * expression kind ({@code AND}, {@code SET}, ...) are not names.
 */
final class PathGrammar {

    private final TokenCursor in;
    private final Set<String> keywords;

    PathGrammar(TokenCursor in, Set<String> keywords) {
        this.in = in;
        this.keywords = keywords;
    }

    DocumentPath path() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (in.accept(TokenType.DOT)) {
                elements.add(name());
            } else if (in.accept(TokenType.LBRACKET)) {
                Token index = in.expect(TokenType.NUMBER);
                in.expect(TokenType.RBRACKET);
                elements.add(new PathElement.Index(index(index)));
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    /** A path, a value placeholder or a function call, in any number of parentheses. */
    Operand operand() {
        Token token = in.peek();
        if (token.is(TokenType.LPAREN)) {
            int open = in.position();
            in.advance();
            Operand inner = operand();
            int close = in.position();
            in.expect(TokenType.RPAREN);
            in.group(open, close);
            return inner;
        }
        if (token.is(TokenType.VALUE_REF)) {
            in.advance();
            return new Operand.Value(token.text());
        }
        if (atCall()) return call();
        if (token.is(TokenType.IDENTIFIER) || token.is(TokenType.NAME_REF)) return new Operand.Path(path());
        throw in.syntaxError();
    }

    /** True when the next tokens are {@code name(}: a function call (keywords never are). */
    boolean atCall() {
        Token token = in.peek();
        return token.is(TokenType.IDENTIFIER) && !isKeyword(token) && in.peek(1).is(TokenType.LPAREN);
    }

    /** {@code name(operand, ...)}: at least one argument, as DynamoDB's grammar requires. */
    Operand.Function call() {
        String name = in.advance().text();
        in.expect(TokenType.LPAREN);
        List<Operand> arguments = new ArrayList<>();
        arguments.add(operand());
        while (in.accept(TokenType.COMMA)) arguments.add(operand());
        in.expect(TokenType.RPAREN);
        return new Operand.Function(name, arguments);
    }

    private PathElement.Name name() {
        Token token = in.peek();
        if (token.is(TokenType.NAME_REF) || (token.is(TokenType.IDENTIFIER) && !isKeyword(token))) {
            in.advance();
            return new PathElement.Name(token.text(), token.is(TokenType.NAME_REF));
        }
        throw in.syntaxError();
    }

    private boolean isKeyword(Token token) {
        return keywords.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private int index(Token token) {
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw ExpressionErrors.invalid(in.kind(), "List index is not within the allowable range; index: [" + token.text() + "]");
        }
    }
}
