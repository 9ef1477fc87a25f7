package io.modyn.engine.expr.projection;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document paths merged into a tree, projecting an item the way DynamoDB does for
 * ProjectionExpression and for the UPDATED_OLD/UPDATED_NEW return values: each path keeps its place
 * in the document ({@code a.b[2].c} yields {@code {a: {b: [{c: ...}]}}}), list elements picked by
 * index come back in index order without gaps, and a path that leads nowhere contributes nothing,
 * not even an empty map around it.
 *
 * <p>The paths must neither overlap nor conflict ({@code compile.PathConflicts}), so a node is
 * either a whole value (a leaf) or a set of members, or a set of list elements.
 */
public final class ProjectionTree {

    private final Node root = new Node();

    private ProjectionTree() {
    }

    public static ProjectionTree of(List<ResolvedPath> paths) {
        ProjectionTree tree = new ProjectionTree();
        for (ResolvedPath path : paths) {
            Node node = tree.root;
            for (Object element : path.elements()) node = node.child(element);
            node.leaf = true;
        }
        return tree;
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        for (Map.Entry<String, Node> member : root.members.entrySet()) {
            AttributeValue value = item.get(member.getKey());
            AttributeValue part = value == null ? null : project(value, member.getValue());
            if (part != null) projected.put(member.getKey(), part);
        }
        return projected;
    }

    private static AttributeValue project(AttributeValue value, Node node) {
        if (node.leaf) return value;
        if (value instanceof AttributeValue.M map && !node.members.isEmpty()) {
            Map<String, AttributeValue> parts = new LinkedHashMap<>();
            for (Map.Entry<String, Node> member : node.members.entrySet()) {
                AttributeValue child = map.values().get(member.getKey());
                AttributeValue part = child == null ? null : project(child, member.getValue());
                if (part != null) parts.put(member.getKey(), part);
            }
            return parts.isEmpty() ? null : new AttributeValue.M(parts);
        }
        if (value instanceof AttributeValue.L list && !node.elements.isEmpty()) {
            List<AttributeValue> parts = new ArrayList<>();
            for (Map.Entry<Integer, Node> element : node.elements.entrySet()) {
                if (element.getKey() >= list.values().size()) break;
                AttributeValue part = project(list.values().get(element.getKey()), element.getValue());
                if (part != null) parts.add(part);
            }
            return parts.isEmpty() ? null : new AttributeValue.L(parts);
        }
        return null;
    }

    private static final class Node {
        private final Map<String, Node> members = new LinkedHashMap<>();
        private final TreeMap<Integer, Node> elements = new TreeMap<>();
        private boolean leaf;

        Node child(Object element) {
            if (element instanceof String name) return members.computeIfAbsent(name, n -> new Node());
            return elements.computeIfAbsent((Integer) element, i -> new Node());
        }
    }
}
