package io.modyn.engine.partiql.parse;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.PathStep;
import io.modyn.engine.partiql.ast.Returning;
import io.modyn.engine.partiql.ast.Statement;
import io.modyn.engine.partiql.ast.TableRef;
import io.modyn.engine.partiql.ast.UpdateAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the statements PartiQL for DynamoDB accepts:
 *
 * <pre>
 * statement  := select | insert | update | delete | EXISTS '(' select ')'   [';']
 * select     := SELECT ( '*' | path (',' path)* ) FROM source [WHERE expr] [ORDER BY path [ASC|DESC]]
 * insert     := INSERT INTO source VALUE value
 * update     := UPDATE source ( SET path '=' expr (',' path '=' expr)* | REMOVE path (',' path)* )+
 *               WHERE expr [returning]
 * delete     := DELETE FROM source WHERE expr [returning]
 * returning  := RETURNING (ALL | MODIFIED) (OLD | NEW) '*'
 * source     := name ('.' name)*                       (at most two: table and index)
 * expr       := or;  or := and (OR and)*;  and := not (AND not)*;  not := NOT not | predicate
 * predicate  := sum [ compare sum | [NOT] BETWEEN sum AND sum | [NOT] IN (list | '(' expr, ... ')')
 *                   | IS [NOT] (MISSING | NULL) ]
 * sum        := primary (('+' | '-') primary)*
 * primary    := '(' expr ')' | literal | '?' | path | name '(' args ')' | '[' ... ']' | '{' ... '}' | '<<' ... '>>'
 * path       := name ('.' name | '[' integer ']')*
 * </pre>
 *
 * Keywords are case-insensitive. Syntax errors are DynamoDB's "Statement wasn't well formed" error.
 */
public final class PartiqlParser {

    private final List<Token> tokens;
    private int next;
    private int parameters;

    private PartiqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Statement parse(String text) {
        PartiqlParser parser = new PartiqlParser(PartiqlLexer.tokenize(text));
        Statement statement = parser.statement();
        parser.accept(TokenKind.SEMICOLON);
        if (parser.peek().kind() != TokenKind.END) throw parser.unexpected();
        return statement;
    }

    private Statement statement() {
        Token first = peek();
        if (first.isKeyword("SELECT")) return select();
        if (first.isKeyword("INSERT")) return insert();
        if (first.isKeyword("UPDATE")) return update();
        if (first.isKeyword("DELETE")) return delete();
        if (first.isKeyword("EXISTS")) {
            advance();
            expect(TokenKind.LEFT_PAREN);
            Statement.Select select = select();
            expect(TokenKind.RIGHT_PAREN);
            return new Statement.Exists(select);
        }
        throw PartiqlErrors.malformed("Expected data manipulation");
    }

    private Statement.Select select() {
        expectKeyword("SELECT");
        List<Expr.Path> projection = new ArrayList<>();
        if (accept(TokenKind.STAR)) {
            if (peek().kind() == TokenKind.COMMA) throw PartiqlErrors.starWithOtherAttributes();
        } else {
            do {
                if (peek().kind() == TokenKind.STAR) throw PartiqlErrors.starWithOtherAttributes();
                projection.add(path());
            } while (accept(TokenKind.COMMA));
        }
        expectKeyword("FROM");
        TableRef target = source();
        Expr where = acceptKeyword("WHERE") ? expr() : null;
        Expr.Path orderBy = null;
        boolean descending = false;
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            orderBy = path();
            if (acceptKeyword("DESC")) descending = true;
            else acceptKeyword("ASC");
        }
        return new Statement.Select(projection, target, where, orderBy, descending, parameters);
    }

    private Statement.Insert insert() {
        expectKeyword("INSERT");
        expectKeyword("INTO");
        TableRef target = source();
        expectKeyword("VALUE");
        Expr item = primary();
        if (peek().isKeyword("RETURNING")) throw PartiqlErrors.returningInInsert();
        return new Statement.Insert(target, item, parameters);
    }

    private Statement.Update update() {
        expectKeyword("UPDATE");
        TableRef target = source();
        List<UpdateAction> actions = new ArrayList<>();
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    Expr.Path path = path();
                    expect(TokenKind.EQ);
                    actions.add(new UpdateAction.Set(path, expr()));
                } while (accept(TokenKind.COMMA));
            } else if (acceptKeyword("REMOVE")) {
                do {
                    actions.add(new UpdateAction.Remove(path()));
                } while (accept(TokenKind.COMMA));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) throw unexpected();
        if (!acceptKeyword("WHERE")) throw PartiqlErrors.incompleteKey();
        Expr where = expr();
        return new Statement.Update(target, actions, where, returning(), parameters);
    }

    private Statement.Delete delete() {
        expectKeyword("DELETE");
        expectKeyword("FROM");
        TableRef target = source();
        if (!acceptKeyword("WHERE")) throw PartiqlErrors.incompleteKey();
        Expr where = expr();
        return new Statement.Delete(target, where, returning(), parameters);
    }

    private Returning returning() {
        if (!acceptKeyword("RETURNING")) return null;
        boolean all;
        if (acceptKeyword("ALL")) all = true;
        else if (acceptKeyword("MODIFIED")) all = false;
        else throw unexpected();
        boolean old;
        if (acceptKeyword("OLD")) old = true;
        else if (acceptKeyword("NEW")) old = false;
        else throw unexpected();
        if (!accept(TokenKind.STAR)) {
            throw io.modyn.api.model.DynamoException.validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        }
        return all ? (old ? Returning.ALL_OLD : Returning.ALL_NEW) : (old ? Returning.MODIFIED_OLD : Returning.MODIFIED_NEW);
    }

    private TableRef source() {
        List<String> components = new ArrayList<>();
        components.add(name());
        while (accept(TokenKind.DOT)) components.add(name());
        if (components.stream().anyMatch(String::isEmpty)) throw PartiqlErrors.emptyPathComponent();
        if (components.size() > 2) throw PartiqlErrors.tooManyPathComponents();
        return new TableRef(components.get(0), components.size() == 2 ? components.get(1) : null);
    }

    // Expressions, lowest precedence first.

    private Expr expr() {
        Expr left = and();
        while (acceptKeyword("OR")) left = new Expr.Or(left, and());
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (acceptKeyword("AND")) left = new Expr.And(left, not());
        return left;
    }

    private Expr not() {
        if (acceptKeyword("NOT")) return new Expr.Not(not());
        return predicate();
    }

    private Expr predicate() {
        Expr left = sum();
        Token token = peek();
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
            advance();
            return new Expr.Comparison(comparator, left, sum());
        }
        if (token.isKeyword("IS")) {
            advance();
            boolean negated = acceptKeyword("NOT");
            Token type = advance();
            if (type.kind() != TokenKind.IDENTIFIER) throw unexpectedAt(type);
            return new Expr.Is(left, type.text().toUpperCase(java.util.Locale.ROOT), negated);
        }
        boolean negated = false;
        if (token.isKeyword("NOT") && (peek(1).isKeyword("BETWEEN") || peek(1).isKeyword("IN"))) {
            advance();
            negated = true;
        }
        if (acceptKeyword("BETWEEN")) {
            Expr lower = sum();
            expectKeyword("AND");
            return new Expr.Between(left, lower, sum(), negated);
        }
        if (acceptKeyword("IN")) {
            List<Expr> candidates = new ArrayList<>();
            TokenKind close;
            if (accept(TokenKind.LEFT_BRACKET)) close = TokenKind.RIGHT_BRACKET;
            else if (accept(TokenKind.LEFT_PAREN)) close = TokenKind.RIGHT_PAREN;
            else throw io.modyn.api.model.DynamoException.validation(
                    "IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member");
            if (!accept(close)) {
                do candidates.add(sum()); while (accept(TokenKind.COMMA));
                expect(close);
            }
            return new Expr.In(left, candidates, negated);
        }
        return left;
    }

    private Expr sum() {
        Expr left = primary();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            char operator = advance().kind() == TokenKind.PLUS ? '+' : '-';
            left = new Expr.Arithmetic(operator, left, primary());
        }
        return left;
    }

    private Expr primary() {
        Token token = peek();
        switch (token.kind()) {
            case LEFT_PAREN -> {
                advance();
                Expr inner = expr();
                expect(TokenKind.RIGHT_PAREN);
                return inner;
            }
            case PARAMETER -> {
                advance();
                return new Expr.Parameter(parameters++);
            }
            case STRING -> {
                advance();
                return new Expr.Literal(AttributeValue.s(token.text()));
            }
            case NUMBER -> {
                advance();
                return new Expr.Literal(AttributeValue.n(token.text()));
            }
            case MINUS -> {
                advance();
                Token number = advance();
                if (number.kind() != TokenKind.NUMBER) throw unexpectedAt(number);
                return new Expr.Literal(AttributeValue.n("-" + number.text()));
            }
            case ION -> {
                advance();
                return new Expr.Literal(IonLiterals.parse(token.text()));
            }
            case LEFT_BRACKET -> {
                advance();
                return new Expr.ListValue(elements(TokenKind.RIGHT_BRACKET));
            }
            case BAG_OPEN -> {
                advance();
                return new Expr.BagValue(elements(TokenKind.BAG_CLOSE));
            }
            case LEFT_BRACE -> {
                advance();
                return map();
            }
            case IDENTIFIER -> {
                if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
                    advance();
                    return new Expr.Literal(AttributeValue.bool(token.isKeyword("TRUE")));
                }
                if (token.isKeyword("NULL")) {
                    advance();
                    return new Expr.Literal(AttributeValue.nul());
                }
                if (token.isKeyword("MISSING")) throw PartiqlErrors.missingMustUseIs();
                if (peek(1).kind() == TokenKind.LEFT_PAREN) return call();
                return path();
            }
            case QUOTED_IDENTIFIER -> {
                return path();
            }
            default -> throw unexpected();
        }
    }

    private Expr call() {
        String name = advance().text().toLowerCase(java.util.Locale.ROOT);
        expect(TokenKind.LEFT_PAREN);
        List<Expr> arguments = new ArrayList<>();
        if (!accept(TokenKind.RIGHT_PAREN)) {
            do arguments.add(expr()); while (accept(TokenKind.COMMA));
            expect(TokenKind.RIGHT_PAREN);
        }
        return new Expr.Call(name, arguments);
    }

    private List<Expr> elements(TokenKind close) {
        List<Expr> elements = new ArrayList<>();
        if (accept(close)) return elements;
        do elements.add(sum()); while (accept(TokenKind.COMMA));
        expect(close);
        return elements;
    }

    private Expr map() {
        List<Expr.MapValue.Entry> entries = new ArrayList<>();
        if (accept(TokenKind.RIGHT_BRACE)) return new Expr.MapValue(entries);
        do {
            Token key = advance();
            if (key.kind() != TokenKind.STRING) throw unexpectedAt(key);
            expect(TokenKind.COLON);
            entries.add(new Expr.MapValue.Entry(key.text(), sum()));
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RIGHT_BRACE);
        return new Expr.MapValue(entries);
    }

    private Expr.Path path() {
        List<PathStep> steps = new ArrayList<>();
        steps.add(new PathStep.Name(name()));
        while (true) {
            if (peek().kind() == TokenKind.DOT) {
                advance();
                steps.add(new PathStep.Name(name()));
            } else if (peek().kind() == TokenKind.LEFT_BRACKET) {
                advance();
                Token index = advance();
                if (index.kind() != TokenKind.NUMBER || !index.text().chars().allMatch(Character::isDigit)) throw unexpectedAt(index);
                steps.add(new PathStep.Index(Integer.parseInt(index.text())));
                expect(TokenKind.RIGHT_BRACKET);
            } else {
                return new Expr.Path(steps);
            }
        }
    }

    private String name() {
        Token token = advance();
        if (token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER) return token.text();
        throw unexpectedAt(token);
    }

    // Token cursor.

    private Token peek() {
        return tokens.get(next);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != TokenKind.END) next++;
        return token;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() != kind) return false;
        advance();
        return true;
    }

    private boolean acceptKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) return false;
        advance();
        return true;
    }

    private void expect(TokenKind kind) {
        if (!accept(kind)) throw unexpected();
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) throw unexpected();
    }

    private io.modyn.api.model.DynamoException unexpected() {
        return unexpectedAt(peek());
    }

    private static io.modyn.api.model.DynamoException unexpectedAt(Token token) {
        if (token.kind() == TokenKind.END) return PartiqlErrors.malformed("Unexpected end of statement");
        return PartiqlErrors.malformed("Unexpected token: " + token.text());
    }
}
