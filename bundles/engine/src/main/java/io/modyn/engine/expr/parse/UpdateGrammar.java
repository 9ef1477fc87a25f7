package io.modyn.engine.expr.parse;

import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.UpdateAction;
import io.modyn.engine.expr.ast.UpdateExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parser for UpdateExpression: clauses {@code SET a = v, ...}, {@code REMOVE a, ...},
 * {@code ADD a :v, ...} and {@code DELETE a :v, ...}, in any order (a clause used twice parses and
 * is reported afterwards). A SET value is one operand or exactly two joined by {@code +} or
 * {@code -}; arithmetic inside function arguments is a syntax error, as in DynamoDB.
 */
public final class UpdateGrammar {

    private static final Set<String> CLAUSES = Set.of("SET", "REMOVE", "ADD", "DELETE");

    private final TokenCursor in;
    private final PathGrammar operands;

    private UpdateGrammar(TokenCursor in) {
        this.in = in;
        this.operands = new PathGrammar(in, CLAUSES);
    }

    public static Parsed<UpdateExpression> parse(String text, String kind) {
        UpdateGrammar grammar = new UpdateGrammar(new TokenCursor(text, kind));
        UpdateExpression expression = grammar.expression();
        return new Parsed<>(expression, grammar.in.redundantParentheses());
    }

    private UpdateExpression expression() {
        List<UpdateAction> actions = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        do {
            Token keyword = in.peek();
            String clause = keyword.is(TokenType.IDENTIFIER) ? keyword.text().toUpperCase(Locale.ROOT) : null;
            if (clause == null || !CLAUSES.contains(clause)) throw in.syntaxError();
            in.advance();
            clauses.add(clause);
            do {
                actions.add(action(clause));
            } while (in.accept(TokenType.COMMA));
        } while (!in.peek().is(TokenType.EOF));
        return new UpdateExpression(actions, clauses);
    }

    private UpdateAction action(String clause) {
        DocumentPath path = operands.path();
        return switch (clause) {
            case "SET" -> {
                in.expect(TokenType.EQ);
                yield new UpdateAction.Set(path, setValue());
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> new UpdateAction.Add(path, valueReference());
            default -> new UpdateAction.Delete(path, valueReference());
        };
    }

    private Operand setValue() {
        Operand left = setTerm();
        if (left instanceof Operand.Arithmetic) return left; // "(a + b) + c" is not allowed
        if (in.peek().is(TokenType.PLUS) || in.peek().is(TokenType.MINUS)) {
            char operator = in.advance().text().charAt(0);
            return new Operand.Arithmetic(operator, left, operands.operand());
        }
        return left;
    }

    /** An operand, or a whole SET value in parentheses: {@code (a + :b)}. */
    private Operand setTerm() {
        if (!in.peek().is(TokenType.LPAREN)) return operands.operand();
        int open = in.position();
        in.advance();
        Operand inner = setValue();
        int close = in.position();
        in.expect(TokenType.RPAREN);
        in.group(open, close);
        return inner;
    }

    private Operand.Value valueReference() {
        return new Operand.Value(in.expect(TokenType.VALUE_REF).text());
    }
}
