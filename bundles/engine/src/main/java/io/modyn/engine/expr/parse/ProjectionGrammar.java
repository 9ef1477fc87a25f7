package io.modyn.engine.expr.parse;

import io.modyn.engine.expr.ast.DocumentPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parser for ProjectionExpression: document paths separated by commas. */
public final class ProjectionGrammar {

    private ProjectionGrammar() {
    }

    public static Parsed<List<DocumentPath>> parse(String text, String kind) {
        TokenCursor in = new TokenCursor(text, kind);
        PathGrammar grammar = new PathGrammar(in, Set.of());
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(grammar.path());
        while (in.accept(TokenType.COMMA)) paths.add(grammar.path());
        in.expectEnd();
        return new Parsed<>(paths, false);
    }
}
