package io.modyn.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for items: maps of attribute name to value that keep the order they were given in. */
public final class Items {

    private Items() {
    }

    /** An unmodifiable copy that keeps insertion order (Map.copyOf would not). */
    public static Map<String, AttributeValue> copyOf(Map<String, AttributeValue> item) {
        if (item == null) return null;
        return Collections.unmodifiableMap(new LinkedHashMap<>(item));
    }
}
