package io.modyn.engine.expr.eval;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A document path with its {@code #name} placeholders replaced: each element is a member name
 * ({@link String}) or a list index ({@link Integer}); the first is always a name. A name that looks
 * like an index ({@code #n} standing for {@code "[3]"}) stays a name, which is why the two kinds are
 * told apart by type rather than by text.
 */
public record ResolvedPath(List<Object> elements) {

    public ResolvedPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
            throw new IllegalArgumentException("a document path starts with an attribute name");
        }
    }

    public static ResolvedPath of(String attribute) {
        return new ResolvedPath(List.of(attribute));
    }

    /** The top-level attribute the path starts at. */
    public String head() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path, or null when the item has nothing there (or a step has the wrong type). */
    public AttributeValue find(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(head());
        for (int i = 1; i < elements.size() && value != null; i++) {
            value = step(value, elements.get(i));
        }
        return value;
    }

    /** The child of a map member or list element, or null when there is none. */
    private static AttributeValue step(AttributeValue value, Object element) {
        if (element instanceof String name) {
            return value instanceof AttributeValue.M m ? m.values().get(name) : null;
        }
        int index = (Integer) element;
        return value instanceof AttributeValue.L l && index < l.values().size() ? l.values().get(index) : null;
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [3]]}. */
    @Override
    public String toString() {
        return elements.stream().map(e -> e instanceof Integer i ? "[" + i + "]" : (String) e)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
