package io.modyn.engine.expr;

import io.modyn.engine.expr.ast.Comparator;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.PathElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for DynamoDB's condition grammar (used by ConditionExpression,
 * FilterExpression and KeyConditionExpression). Precedence, loosest first: {@code OR}, {@code AND},
 * {@code NOT}, then comparisons, {@code BETWEEN}, {@code IN} and functions; parentheses group.
 * Keywords are case-insensitive; bare attribute names that are reserved words are rejected as
 * DynamoDB rejects them.
 */
public final class ConditionParser {

    /** Boolean functions and their operand counts. */
    private static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
            "attribute_exists", 1,
            "attribute_not_exists", 1,
            "attribute_type", 2,
            "begins_with", 2,
            "contains", 2);

    /** Functions that produce a value. */
    private static final Map<String, Integer> OPERAND_FUNCTIONS = Map.of("size", 1);

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    private final String text;
    private final String kind;
    private final List<Token> tokens;
    private int pos;

    private ConditionParser(String text, String kind) {
        this.text = text;
        this.kind = kind;
        this.tokens = Lexer.tokenize(text, kind);
    }

    /**
     * Parses a condition.
     *
     * @param kind the request member the text came from, for messages (e.g. "KeyConditionExpression")
     */
    public static Condition parse(String text, String kind) {
        if (text.isBlank()) throw ExpressionErrors.invalid(kind, "The expression can not be empty;");
        ConditionParser parser = new ConditionParser(text, kind);
        Condition condition = parser.parseOr();
        parser.expect(TokenType.EOF);
        return condition;
    }

    private Condition parseOr() {
        Condition left = parseAnd();
        while (peek().isKeyword("OR")) {
            pos++;
            left = new Condition.Or(left, parseAnd());
        }
        return left;
    }

    private Condition parseAnd() {
        Condition left = parseNot();
        while (peek().isKeyword("AND")) {
            pos++;
            left = new Condition.And(left, parseNot());
        }
        return left;
    }

    private Condition parseNot() {
        if (peek().isKeyword("NOT")) {
            pos++;
            return new Condition.Not(parseNot());
        }
        return parsePrimary();
    }

    private Condition parsePrimary() {
        if (peek().is(TokenType.LPAREN)) {
            pos++;
            Condition inner = parseOr();
            expect(TokenType.RPAREN);
            return inner;
        }
        if (isFunctionCall()) {
            Token name = peek();
            if (CONDITION_FUNCTIONS.containsKey(name.text())) {
                List<Operand> arguments = parseArguments(name.text(), CONDITION_FUNCTIONS.get(name.text()));
                return new Condition.Function(name.text(), arguments);
            }
        }
        Operand left = parseOperand();
        Token next = peek();
        Comparator comparator = comparator(next);
        if (comparator != null) {
            pos++;
            return new Condition.Comparison(comparator, left, parseOperand());
        }
        if (next.isKeyword("BETWEEN")) {
            pos++;
            Operand lower = parseOperand();
            if (!peek().isKeyword("AND")) throw ExpressionErrors.syntax(kind, text, peek());
            pos++;
            return new Condition.Between(left, lower, parseOperand());
        }
        if (next.isKeyword("IN")) {
            pos++;
            expect(TokenType.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(parseOperand());
            while (peek().is(TokenType.COMMA)) {
                pos++;
                candidates.add(parseOperand());
            }
            expect(TokenType.RPAREN);
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Function f) {
            throw ExpressionErrors.invalid(kind, "The function is not allowed to be used this way in an expression; function: " + f.name());
        }
        throw ExpressionErrors.syntax(kind, text, next);
    }

    private Operand parseOperand() {
        Token token = peek();
        if (token.is(TokenType.VALUE_REF)) {
            pos++;
            return new Operand.Value(token.text());
        }
        if (isFunctionCall()) {
            String name = token.text();
            if (OPERAND_FUNCTIONS.containsKey(name)) {
                return new Operand.Function(name, parseArguments(name, OPERAND_FUNCTIONS.get(name)));
            }
            if (CONDITION_FUNCTIONS.containsKey(name)) {
                throw ExpressionErrors.invalid(kind, "The function is not allowed to be used this way in an expression; function: " + name);
            }
            throw ExpressionErrors.invalid(kind, "Invalid function name; function: " + name);
        }
        if (token.is(TokenType.IDENTIFIER) || token.is(TokenType.NAME_REF)) {
            return new Operand.Path(parsePath());
        }
        throw ExpressionErrors.syntax(kind, text, token);
    }

    private List<Operand> parseArguments(String function, int expectedCount) {
        pos++; // function name
        expect(TokenType.LPAREN);
        List<Operand> arguments = new ArrayList<>();
        if (!peek().is(TokenType.RPAREN)) {
            arguments.add(parseOperand());
            while (peek().is(TokenType.COMMA)) {
                pos++;
                arguments.add(parseOperand());
            }
        }
        expect(TokenType.RPAREN);
        if (arguments.size() != expectedCount) {
            throw ExpressionErrors.invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + arguments.size());
        }
        return arguments;
    }

    private DocumentPath parsePath() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(parseName());
        while (true) {
            if (peek().is(TokenType.DOT)) {
                pos++;
                elements.add(parseName());
            } else if (peek().is(TokenType.LBRACKET)) {
                pos++;
                Token index = peek();
                if (!index.is(TokenType.NUMBER)) throw ExpressionErrors.syntax(kind, text, index);
                pos++;
                expect(TokenType.RBRACKET);
                try {
                    elements.add(new PathElement.Index(Integer.parseInt(index.text())));
                } catch (NumberFormatException e) {
                    throw ExpressionErrors.syntax(kind, text, index);
                }
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private PathElement.Name parseName() {
        Token token = peek();
        if (token.is(TokenType.NAME_REF)) {
            pos++;
            return new PathElement.Name(token.text(), true);
        }
        if (token.is(TokenType.IDENTIFIER)) {
            if (KEYWORDS.contains(token.text().toUpperCase(java.util.Locale.ROOT))) throw ExpressionErrors.syntax(kind, text, token);
            if (ReservedWords.isReserved(token.text())) {
                throw ExpressionErrors.invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            pos++;
            return new PathElement.Name(token.text(), false);
        }
        throw ExpressionErrors.syntax(kind, text, token);
    }

    private boolean isFunctionCall() {
        return peek().is(TokenType.IDENTIFIER) && tokens.get(pos + 1).is(TokenType.LPAREN);
    }

    private static Comparator comparator(Token token) {
        return switch (token.type()) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            case GE -> Comparator.GE;
            default -> null;
        };
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private void expect(TokenType type) {
        Token token = peek();
        if (!token.is(type)) throw ExpressionErrors.syntax(kind, text, token);
        pos++;
    }
}
