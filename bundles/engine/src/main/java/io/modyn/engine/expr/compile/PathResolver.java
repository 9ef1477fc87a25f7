package io.modyn.engine.expr.compile;

import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.PathElement;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.ArrayList;
import java.util.List;

/** Replaces the {@code #name} placeholders of a document path with the request's names. */
public final class PathResolver {

    private PathResolver() {
    }

    public static ResolvedPath resolve(DocumentPath path, ExpressionAttributes attributes, String kind) {
        List<Object> elements = new ArrayList<>(path.elements().size());
        for (PathElement element : path.elements()) {
            if (element instanceof PathElement.Name name) {
                elements.add(name.placeholder() ? attributes.name(name.text(), kind) : name.text());
            } else {
                elements.add(((PathElement.Index) element).index());
            }
        }
        return new ResolvedPath(elements);
    }
}
