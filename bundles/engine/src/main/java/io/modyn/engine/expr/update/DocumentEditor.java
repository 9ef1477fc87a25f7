package io.modyn.engine.expr.update;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mutable copy of an item that update actions write into. Maps and lists along a written path
 * are copied on first touch; everything else is shared with the original item.
 *
 * <p>List indexes always mean positions in the list as it was before the update, as in DynamoDB:
 * {@code REMOVE a[1] SET a[3] = :v} sets the element that was fourth, and removed elements only
 * disappear (shifting the later ones) when the document is frozen. Setting an index at or past the
 * end appends, and several such elements are appended in index order (developer guide, "SET -
 * modifying or adding item attributes": "If you add multiple elements in a single SET operation,
 * the elements are sorted in order by element number").
 */
public final class DocumentEditor {

    private final MapNode root;
    private final boolean itemExists;

    public DocumentEditor(Map<String, AttributeValue> item, boolean itemExists) {
        this.root = new MapNode(item);
        this.itemExists = itemExists;
    }

    /**
     * The place a path points at. Its parent must exist and be a map (for a member name) or a list
     * (for an index); otherwise the path is invalid for update, except that removing actions on an
     * item that does not exist quietly do nothing (then this returns null).
     */
    public Slot slot(ResolvedPath path, boolean removing) {
        Container container = root;
        List<Object> elements = path.elements();
        for (int i = 0; i < elements.size() - 1 && container != null; i++) {
            container = container.childContainer(elements.get(i));
        }
        Object last = elements.get(elements.size() - 1);
        if (container == null || !container.accepts(last)) {
            if (removing && !itemExists) return null;
            throw UpdateErrors.invalidPath();
        }
        return new Slot(container, last);
    }

    public Map<String, AttributeValue> freeze() {
        return ((AttributeValue.M) root.freeze()).values();
    }

    /** One member of a map or element of a list, to read, write or remove. */
    public static final class Slot {
        private final Container container;
        private final Object element;

        private Slot(Container container, Object element) {
            this.container = container;
            this.element = element;
        }

        /** The value there now, or null. */
        public AttributeValue get() {
            Object raw = container.get(element);
            return raw == null ? null : freeze(raw);
        }

        public void put(AttributeValue value) {
            container.put(element, value);
        }

        public void remove() {
            container.remove(element);
        }
    }

    private abstract static class Container {
        abstract boolean accepts(Object element);

        abstract Object get(Object element);

        abstract void put(Object element, Object value);

        abstract void remove(Object element);

        abstract AttributeValue freeze();

        /** The map or list at a child, copied for editing on first touch; null if it is neither. */
        Container childContainer(Object element) {
            if (!accepts(element)) return null;
            Object raw = get(element);
            if (raw instanceof Container c) return c;
            Container copy = null;
            if (raw instanceof AttributeValue.M m) copy = new MapNode(m.values());
            if (raw instanceof AttributeValue.L l) copy = new ListNode(l.values());
            if (copy != null) put(element, copy);
            return copy;
        }
    }

    private static final class MapNode extends Container {
        private final Map<String, Object> members;

        MapNode(Map<String, AttributeValue> values) {
            this.members = new LinkedHashMap<>(values);
        }

        @Override
        boolean accepts(Object element) {
            return element instanceof String;
        }

        @Override
        Object get(Object element) {
            return members.get(element);
        }

        @Override
        void put(Object element, Object value) {
            members.put((String) element, value);
        }

        @Override
        void remove(Object element) {
            members.remove(element);
        }

        @Override
        AttributeValue freeze() {
            Map<String, AttributeValue> frozen = new LinkedHashMap<>();
            members.forEach((name, raw) -> frozen.put(name, DocumentEditor.freeze(raw)));
            return new AttributeValue.M(frozen);
        }
    }

    private static final class ListNode extends Container {
        private final List<Object> elements;
        private final BitSet removed = new BitSet();
        private final TreeMap<Integer, Object> appended = new TreeMap<>();

        ListNode(List<AttributeValue> values) {
            this.elements = new ArrayList<>(values);
        }

        @Override
        boolean accepts(Object element) {
            return element instanceof Integer;
        }

        @Override
        Object get(Object element) {
            int index = (Integer) element;
            if (index < elements.size()) return removed.get(index) ? null : elements.get(index);
            return appended.get(index);
        }

        @Override
        void put(Object element, Object value) {
            int index = (Integer) element;
            if (index < elements.size()) {
                elements.set(index, value);
                removed.clear(index);
            } else {
                appended.put(index, value);
            }
        }

        /** Removing past the end does nothing, as in DynamoDB. */
        @Override
        void remove(Object element) {
            int index = (Integer) element;
            if (index < elements.size()) removed.set(index);
        }

        @Override
        AttributeValue freeze() {
            List<AttributeValue> frozen = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                if (!removed.get(i)) frozen.add(DocumentEditor.freeze(elements.get(i)));
            }
            appended.values().forEach(raw -> frozen.add(DocumentEditor.freeze(raw)));
            return new AttributeValue.L(frozen);
        }
    }

    private static AttributeValue freeze(Object raw) {
        return raw instanceof Container c ? c.freeze() : (AttributeValue) raw;
    }
}
