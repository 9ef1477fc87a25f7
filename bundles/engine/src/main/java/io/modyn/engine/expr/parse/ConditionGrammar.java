package io.modyn.engine.expr.parse;

import io.modyn.engine.expr.ast.Comparator;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for DynamoDB's condition grammar (ConditionExpression, FilterExpression,
 * KeyConditionExpression). Precedence, loosest first: {@code OR}, {@code AND}, {@code NOT}, then a
 * comparison, {@code BETWEEN}, {@code IN} or a function; parentheses group conditions and operands.
 *
 * <p>A parenthesis may open either a condition or an operand ({@code (a) = :v} is valid), so a
 * group is parsed as "a condition or, if a ')' follows directly, an operand", and a function call
 * is a condition unless a comparison follows it. Function names are not checked here: any name
 * parses, and {@code check.ConditionStructure} reports unknown or misplaced functions afterwards, in
 * DynamoDB's order of errors.
 */
public final class ConditionGrammar {

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    private final TokenCursor in;
    private final PathGrammar operands;

    private ConditionGrammar(TokenCursor in) {
        this.in = in;
        this.operands = new PathGrammar(in, KEYWORDS);
    }

    public static Parsed<Condition> parse(String text, String kind) {
        ConditionGrammar grammar = new ConditionGrammar(new TokenCursor(text, kind));
        Condition condition = grammar.or(false).condition();
        grammar.in.expectEnd();
        return new Parsed<>(condition, grammar.in.redundantParentheses());
    }

    /** A parsed piece: a condition, or (only directly inside parentheses) an operand. */
    private record Node(Condition condition, Operand operand) {
        static Node of(Condition condition) {
            return new Node(condition, null);
        }

        static Node of(Operand operand) {
            return new Node(null, operand);
        }
    }

    private Node or(boolean operandAllowed) {
        Node first = and(operandAllowed);
        if (first.operand() != null) return first;
        Condition condition = first.condition();
        while (in.acceptKeyword("OR")) condition = new Condition.Or(condition, and(false).condition());
        return Node.of(condition);
    }

    private Node and(boolean operandAllowed) {
        Node first = not(operandAllowed);
        if (first.operand() != null) return first;
        Condition condition = first.condition();
        while (in.acceptKeyword("AND")) condition = new Condition.And(condition, not(false).condition());
        return Node.of(condition);
    }

    private Node not(boolean operandAllowed) {
        if (in.acceptKeyword("NOT")) return Node.of(new Condition.Not(not(false).condition()));
        return primary(operandAllowed);
    }

    private Node primary(boolean operandAllowed) {
        Operand left;
        if (in.peek().is(TokenType.LPAREN)) {
            int open = in.position();
            in.advance();
            Node inner = or(true);
            int close = in.position();
            in.expect(TokenType.RPAREN);
            in.group(open, close);
            if (inner.condition() == null) {
                left = inner.operand();
            } else if (inner.condition() instanceof Condition.Function f && startsComparison()) {
                left = new Operand.Function(f.name(), f.arguments()); // "(size(a)) > :n"
            } else {
                return inner;
            }
        } else if (operands.atCall()) {
            Operand.Function call = operands.call();
            if (!startsComparison()) return Node.of(new Condition.Function(call.name(), call.arguments()));
            left = call;
        } else {
            left = operands.operand();
        }
        return comparison(left, operandAllowed);
    }

    private Node comparison(Operand left, boolean operandAllowed) {
        Comparator comparator = comparator(in.peek());
        if (comparator != null) {
            in.advance();
            return Node.of(new Condition.Comparison(comparator, left, operands.operand()));
        }
        if (in.acceptKeyword("BETWEEN")) {
            Operand lower = operands.operand();
            if (!in.acceptKeyword("AND")) throw in.syntaxError();
            return Node.of(new Condition.Between(left, lower, operands.operand()));
        }
        if (in.acceptKeyword("IN")) {
            in.expect(TokenType.LPAREN);
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operands.operand());
            while (in.accept(TokenType.COMMA)) candidates.add(operands.operand());
            in.expect(TokenType.RPAREN);
            return Node.of(new Condition.In(left, candidates));
        }
        if (operandAllowed && in.peek().is(TokenType.RPAREN)) return Node.of(left);
        throw in.syntaxError();
    }

    private boolean startsComparison() {
        Token next = in.peek();
        return comparator(next) != null || next.isKeyword("BETWEEN") || next.isKeyword("IN");
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
}
