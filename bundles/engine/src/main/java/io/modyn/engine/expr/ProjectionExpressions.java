package io.modyn.engine.expr;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.check.ProjectionStructure;
import io.modyn.engine.expr.compile.PathConflicts;
import io.modyn.engine.expr.compile.PathResolver;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.parse.ExpressionText;
import io.modyn.engine.expr.parse.ParsedExpressionCache;
import io.modyn.engine.expr.parse.ProjectionGrammar;
import io.modyn.engine.expr.projection.CompiledProjection;
import io.modyn.engine.expr.projection.ProjectionTree;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compiles ProjectionExpression text and the legacy AttributesToGet list. */
public final class ProjectionExpressions {

    private static final String KIND = "ProjectionExpression";
    private static final ParsedExpressionCache<List<DocumentPath>> CACHE = new ParsedExpressionCache<>(2048);

    private ProjectionExpressions() {
    }

    /**
     * Order of errors, as DynamoDB reports them: empty or oversized text, syntax, reserved words,
     * path depth, undefined names, overlapping paths, conflicting paths.
     */
    public static Projection compile(String text, ExpressionAttributes attributes) {
        ExpressionText.check(text, KIND);
        List<DocumentPath> paths = CACHE.get(KIND, text, t -> ProjectionStructure.check(ProjectionGrammar.parse(t, KIND), KIND));
        List<ResolvedPath> resolved = paths.stream().map(p -> PathResolver.resolve(p, attributes, KIND)).toList();
        PathConflicts.check(resolved, KIND);
        Set<String> nested = new LinkedHashSet<>();
        for (ResolvedPath path : resolved) {
            if (!path.isTopLevel()) nested.add(path.head());
        }
        return new CompiledProjection(ProjectionTree.of(resolved), nested);
    }

    /** AttributesToGet: top-level attribute names taken literally, each at most once. */
    public static Projection attributesToGet(List<String> attributeNames) {
        Set<String> seen = new HashSet<>();
        for (String name : attributeNames) {
            if (!seen.add(name)) {
                throw DynamoException.validation("One or more parameter values were invalid: Duplicate value in attribute name: " + name);
            }
        }
        return new CompiledProjection(ProjectionTree.of(attributeNames.stream().map(ResolvedPath::of).toList()), Set.of());
    }
}
