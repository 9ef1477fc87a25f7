package io.modyn.engine.expr.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A path into an item such as {@code a.b[3].#c}; the first element is always a name. */
public record DocumentPath(List<PathElement> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
    }

    public PathElement.Name first() {
        return (PathElement.Name) elements.get(0);
    }

    /** True for a path of one name: a top-level attribute. */
    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    @Override
    public String toString() {
        return elements.stream().map(e -> e instanceof PathElement.Index ? e.toString() : "." + e)
                .collect(Collectors.joining()).substring(1);
    }
}
