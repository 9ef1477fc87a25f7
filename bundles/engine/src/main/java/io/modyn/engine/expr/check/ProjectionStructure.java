package io.modyn.engine.expr.check;

import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.parse.Parsed;
import java.util.List;

/** The text-only checks on a ProjectionExpression: reserved words as names, then path depth. */
public final class ProjectionStructure {

    private ProjectionStructure() {
    }

    public static List<DocumentPath> check(Parsed<List<DocumentPath>> parsed, String kind) {
        for (DocumentPath path : parsed.tree()) ReservedNames.checkPath(path, kind);
        for (DocumentPath path : parsed.tree()) Limits.checkDepth(path, kind);
        return parsed.tree();
    }
}
