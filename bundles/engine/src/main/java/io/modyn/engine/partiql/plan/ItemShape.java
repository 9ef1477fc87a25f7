package io.modyn.engine.partiql.plan;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.PathStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a SELECT's result item: with {@code *}, the item as stored; with a list of paths,
 * one attribute per path, named by the path's last name ({@code SELECT a.b} answers {@code {"b": ...}})
 * and absent when the item has nothing at that path.
 */
public record ItemShape(List<Expr.Path> projection) {

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        if (item == null || projection.isEmpty()) return item;
        Map<String, AttributeValue> shaped = new LinkedHashMap<>();
        for (Expr.Path path : projection) {
            AttributeValue value = valueAt(item, path);
            if (value != null) shaped.put(lastName(path), value);
        }
        return shaped;
    }

    private static AttributeValue valueAt(Map<String, AttributeValue> item, Expr.Path path) {
        AttributeValue current = null;
        for (PathStep step : path.steps()) {
            if (step instanceof PathStep.Name name) {
                Map<String, AttributeValue> members = current == null ? item
                        : current instanceof AttributeValue.M m ? m.values() : null;
                if (members == null) return null;
                current = members.get(name.name());
            } else {
                int index = ((PathStep.Index) step).index();
                if (!(current instanceof AttributeValue.L list) || index >= list.values().size()) return null;
                current = list.values().get(index);
            }
            if (current == null) return null;
        }
        return current;
    }

    private static String lastName(Expr.Path path) {
        String last = null;
        for (PathStep step : path.steps()) if (step instanceof PathStep.Name name) last = name.name();
        return last;
    }
}
