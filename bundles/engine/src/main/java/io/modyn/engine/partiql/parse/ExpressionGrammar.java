package io.modyn.engine.partiql.parse;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.PathStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The expressions of PartiQL for DynamoDB (WHERE clauses, SET values, INSERT items), by
 * precedence, lowest first:
 *
 * <pre>
 * expr       := or;  or := and (OR and)*;  and := not (AND not)*;  not := NOT not | predicate
 * predicate  := sum [ compare sum | [NOT] BETWEEN sum AND sum | [NOT] IN (list | '(' expr, ... ')')
 *                   | IS [NOT] (MISSING | NULL | type) ]
 * sum        := primary (('+' | '-') primary)*
 * primary    := '(' expr ')' | literal | '?' | path | name '(' args ')' | '[' ... ']' | '{' ... '}' | '<<' ... '>>'
 * path       := name ('.' name | '[' integer ']')*
 * </pre>
 */
final class ExpressionGrammar {

    /**
     * How deep parentheses, NOT, function calls and collection literals may nest. A statement of
     * DynamoDB's 8192 characters could nest four thousand levels, which a recursive descent (and
     * the binding of the values after it) would answer with a stack overflow; far fewer than this
     * already make a document past DynamoDB's 32 levels or an expression no one writes.
     */
    static final int MAX_NESTING = 256;

    private final TokenCursor in;
    private int nesting;

    ExpressionGrammar(TokenCursor in) {
        this.in = in;
    }

    Expr expr() {
        Expr left = and();
        while (in.acceptKeyword("OR")) left = new Expr.Or(left, and());
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.acceptKeyword("AND")) left = new Expr.And(left, not());
        return left;
    }

    private Expr not() {
        if (in.acceptKeyword("NOT")) {
            enter();
            Expr negated = new Expr.Not(not());
            nesting--;
            return negated;
        }
        return predicate();
    }

    /** One level deeper; refused past {@link #MAX_NESTING} as a statement that is not well formed. */
    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw PartiqlErrors.malformed("Statement nests more than " + MAX_NESTING + " levels deep");
        }
    }

    private Expr predicate() {
        Expr left = sum();
        Token token = in.peek();
        String comparator = switch (token.kind()) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> null;
        };
        if (comparator != null) {
            in.advance();
            return new Expr.Comparison(comparator, left, sum());
        }
        if (token.isKeyword("IS")) {
            in.advance();
            boolean negated = in.acceptKeyword("NOT");
            Token type = in.advance();
            if (type.kind() != TokenKind.IDENTIFIER) throw TokenCursor.unexpectedAt(type);
            return new Expr.Is(left, type.text().toUpperCase(Locale.ROOT), negated);
        }
        boolean negated = false;
        if (token.isKeyword("NOT") && (in.peek(1).isKeyword("BETWEEN") || in.peek(1).isKeyword("IN"))) {
            in.advance();
            negated = true;
        }
        if (in.acceptKeyword("BETWEEN")) {
            Expr lower = sum();
            in.expectKeyword("AND");
            return new Expr.Between(left, lower, sum(), negated);
        }
        if (in.acceptKeyword("IN")) {
            List<Expr> candidates = new ArrayList<>();
            TokenKind close;
            if (in.accept(TokenKind.LEFT_BRACKET)) close = TokenKind.RIGHT_BRACKET;
            else if (in.accept(TokenKind.LEFT_PAREN)) close = TokenKind.RIGHT_PAREN;
            else throw DynamoException.validation(
                    "IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member");
            if (!in.accept(close)) {
                do candidates.add(sum()); while (in.accept(TokenKind.COMMA));
                in.expect(close);
            }
            return new Expr.In(left, candidates, negated);
        }
        return left;
    }

    private Expr sum() {
        Expr left = primary();
        while (in.peek().kind() == TokenKind.PLUS || in.peek().kind() == TokenKind.MINUS) {
            char operator = in.advance().kind() == TokenKind.PLUS ? '+' : '-';
            left = new Expr.Arithmetic(operator, left, primary());
        }
        return left;
    }

    Expr primary() {
        enter();
        try {
            return nestedPrimary();
        } finally {
            nesting--;
        }
    }

    private Expr nestedPrimary() {
        Token token = in.peek();
        switch (token.kind()) {
            case LEFT_PAREN -> {
                in.advance();
                Expr inner = expr();
                in.expect(TokenKind.RIGHT_PAREN);
                return inner;
            }
            case PARAMETER -> {
                in.advance();
                return new Expr.Parameter(in.nextParameter());
            }
            case STRING -> {
                in.advance();
                return new Expr.Literal(AttributeValue.s(token.text()));
            }
            case NUMBER -> {
                in.advance();
                return new Expr.Literal(AttributeValue.n(token.text()));
            }
            case MINUS -> {
                in.advance();
                Token number = in.advance();
                if (number.kind() != TokenKind.NUMBER) throw TokenCursor.unexpectedAt(number);
                return new Expr.Literal(AttributeValue.n("-" + number.text()));
            }
            case ION -> {
                in.advance();
                return new Expr.Literal(IonLiterals.parse(token.text()));
            }
            case LEFT_BRACKET -> {
                in.advance();
                return new Expr.ListValue(elements(TokenKind.RIGHT_BRACKET));
            }
            case BAG_OPEN -> {
                in.advance();
                return new Expr.BagValue(elements(TokenKind.BAG_CLOSE));
            }
            case LEFT_BRACE -> {
                in.advance();
                return map();
            }
            case IDENTIFIER -> {
                if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
                    in.advance();
                    return new Expr.Literal(AttributeValue.bool(token.isKeyword("TRUE")));
                }
                if (token.isKeyword("NULL")) {
                    in.advance();
                    return new Expr.Literal(AttributeValue.nul());
                }
                if (token.isKeyword("MISSING")) throw PartiqlErrors.missingMustUseIs();
                if (in.peek(1).kind() == TokenKind.LEFT_PAREN) return call();
                return path();
            }
            case QUOTED_IDENTIFIER -> {
                return path();
            }
            default -> throw in.unexpected();
        }
    }

    private Expr call() {
        String name = in.advance().text().toLowerCase(Locale.ROOT);
        in.expect(TokenKind.LEFT_PAREN);
        List<Expr> arguments = new ArrayList<>();
        if (!in.accept(TokenKind.RIGHT_PAREN)) {
            do arguments.add(expr()); while (in.accept(TokenKind.COMMA));
            in.expect(TokenKind.RIGHT_PAREN);
        }
        return new Expr.Call(name, arguments);
    }

    private List<Expr> elements(TokenKind close) {
        List<Expr> elements = new ArrayList<>();
        if (in.accept(close)) return elements;
        do elements.add(sum()); while (in.accept(TokenKind.COMMA));
        in.expect(close);
        return elements;
    }

    private Expr map() {
        List<Expr.MapValue.Entry> entries = new ArrayList<>();
        if (in.accept(TokenKind.RIGHT_BRACE)) return new Expr.MapValue(entries);
        do {
            Token key = in.advance();
            if (key.kind() != TokenKind.STRING) throw TokenCursor.unexpectedAt(key);
            in.expect(TokenKind.COLON);
            entries.add(new Expr.MapValue.Entry(key.text(), sum()));
        } while (in.accept(TokenKind.COMMA));
        in.expect(TokenKind.RIGHT_BRACE);
        return new Expr.MapValue(entries);
    }

    Expr.Path path() {
        List<PathStep> steps = new ArrayList<>();
        steps.add(new PathStep.Name(name()));
        while (true) {
            if (in.peek().kind() == TokenKind.DOT) {
                in.advance();
                steps.add(new PathStep.Name(name()));
            } else if (in.peek().kind() == TokenKind.LEFT_BRACKET) {
                in.advance();
                Token index = in.advance();
                if (index.kind() != TokenKind.NUMBER || !index.text().chars().allMatch(Character::isDigit)) throw TokenCursor.unexpectedAt(index);
                steps.add(new PathStep.Index(Integer.parseInt(index.text())));
                in.expect(TokenKind.RIGHT_BRACKET);
            } else {
                return new Expr.Path(steps);
            }
        }
    }

    String name() {
        Token token = in.advance();
        if (token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER) return token.text();
        throw TokenCursor.unexpectedAt(token);
    }
}
