package io.modyn.engine.partiql.parse;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
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
 * </pre>
 *
 * Expressions are {@link ExpressionGrammar}'s. Keywords are case-insensitive. Syntax errors are DynamoDB's "Statement wasn't well formed" error.
 */
public final class PartiqlParser {

    private final TokenCursor in;
    private final ExpressionGrammar expressions;

    private PartiqlParser(TokenCursor in) {
        this.in = in;
        this.expressions = new ExpressionGrammar(in);
    }

    public static Statement parse(String text) {
        TokenCursor in = new TokenCursor(PartiqlLexer.tokenize(text));
        Statement statement = new PartiqlParser(in).statement();
        in.accept(TokenKind.SEMICOLON);
        if (in.peek().kind() != TokenKind.END) throw in.unexpected();
        return statement;
    }

    private Statement statement() {
        Token first = in.peek();
        if (first.isKeyword("SELECT")) return select();
        if (first.isKeyword("INSERT")) return insert();
        if (first.isKeyword("UPDATE")) return update();
        if (first.isKeyword("DELETE")) return delete();
        if (first.isKeyword("EXISTS")) {
            in.advance();
            in.expect(TokenKind.LEFT_PAREN);
            Statement.Select select = select();
            in.expect(TokenKind.RIGHT_PAREN);
            return new Statement.Exists(select);
        }
        throw PartiqlErrors.malformed("Expected data manipulation");
    }

    private Statement.Select select() {
        in.expectKeyword("SELECT");
        List<Expr.Path> projection = new ArrayList<>();
        if (in.accept(TokenKind.STAR)) {
            if (in.peek().kind() == TokenKind.COMMA) throw PartiqlErrors.starWithOtherAttributes();
        } else {
            do {
                if (in.peek().kind() == TokenKind.STAR) throw PartiqlErrors.starWithOtherAttributes();
                projection.add(expressions.path());
            } while (in.accept(TokenKind.COMMA));
        }
        in.expectKeyword("FROM");
        TableRef target = source();
        Expr where = in.acceptKeyword("WHERE") ? expressions.expr() : null;
        Expr.Path orderBy = null;
        boolean descending = false;
        if (in.acceptKeyword("ORDER")) {
            in.expectKeyword("BY");
            orderBy = expressions.path();
            if (in.acceptKeyword("DESC")) descending = true;
            else in.acceptKeyword("ASC");
        }
        return new Statement.Select(projection, target, where, orderBy, descending, in.parameterCount());
    }

    private Statement.Insert insert() {
        in.expectKeyword("INSERT");
        in.expectKeyword("INTO");
        TableRef target = source();
        in.expectKeyword("VALUE");
        Expr item = expressions.primary();
        if (in.peek().isKeyword("RETURNING")) throw PartiqlErrors.returningInInsert();
        return new Statement.Insert(target, item, in.parameterCount());
    }

    private Statement.Update update() {
        in.expectKeyword("UPDATE");
        TableRef target = source();
        List<UpdateAction> actions = new ArrayList<>();
        while (true) {
            if (in.acceptKeyword("SET")) {
                do {
                    Expr.Path path = expressions.path();
                    in.expect(TokenKind.EQ);
                    actions.add(new UpdateAction.Set(path, expressions.expr()));
                } while (in.accept(TokenKind.COMMA));
            } else if (in.acceptKeyword("REMOVE")) {
                do {
                    actions.add(new UpdateAction.Remove(expressions.path()));
                } while (in.accept(TokenKind.COMMA));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) throw in.unexpected();
        if (!in.acceptKeyword("WHERE")) throw PartiqlErrors.incompleteKey();
        Expr where = expressions.expr();
        return new Statement.Update(target, actions, where, returning(), in.parameterCount());
    }

    private Statement.Delete delete() {
        in.expectKeyword("DELETE");
        in.expectKeyword("FROM");
        TableRef target = source();
        if (!in.acceptKeyword("WHERE")) throw PartiqlErrors.incompleteKey();
        Expr where = expressions.expr();
        return new Statement.Delete(target, where, returning(), in.parameterCount());
    }

    private Returning returning() {
        if (!in.acceptKeyword("RETURNING")) return null;
        boolean all;
        if (in.acceptKeyword("ALL")) all = true;
        else if (in.acceptKeyword("MODIFIED")) all = false;
        else throw in.unexpected();
        boolean old;
        if (in.acceptKeyword("OLD")) old = true;
        else if (in.acceptKeyword("NEW")) old = false;
        else throw in.unexpected();
        if (!in.accept(TokenKind.STAR)) {
            throw DynamoException.validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        }
        return all ? (old ? Returning.ALL_OLD : Returning.ALL_NEW) : (old ? Returning.MODIFIED_OLD : Returning.MODIFIED_NEW);
    }

    private TableRef source() {
        List<String> components = new ArrayList<>();
        components.add(expressions.name());
        while (in.accept(TokenKind.DOT)) components.add(expressions.name());
        if (components.stream().anyMatch(String::isEmpty)) throw PartiqlErrors.emptyPathComponent();
        if (components.size() > 2) throw PartiqlErrors.tooManyPathComponents();
        return new TableRef(components.get(0), components.size() == 2 ? components.get(1) : null);
    }

}
