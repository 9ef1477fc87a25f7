package io.modyn.engine.index;

import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.check.ProjectionStructure;
import io.modyn.engine.expr.compile.PathResolver;
import io.modyn.engine.expr.parse.ProjectionGrammar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The top-level attributes a read asks for (ProjectionExpression or AttributesToGet), which an
 * index read checks against the index's projection. Called after the projection compiled, so the
 * expression is known to be valid.
 */
public final class RequestedAttributes {

    private static final String KIND = "ProjectionExpression";

    private RequestedAttributes() {
    }

    /** The attributes in request order, or null when the read names none (it returns whole items). */
    public static Set<String> of(String projectionExpression, List<String> attributesToGet, ExpressionAttributes attributes) {
        if (projectionExpression != null) {
            Set<String> names = new LinkedHashSet<>();
            List<DocumentPath> paths = ProjectionStructure.check(ProjectionGrammar.parse(projectionExpression, KIND), KIND);
            for (DocumentPath path : paths) names.add(PathResolver.resolve(path, attributes, KIND).head());
            return names;
        }
        return attributesToGet == null ? null : new LinkedHashSet<>(attributesToGet);
    }
}
