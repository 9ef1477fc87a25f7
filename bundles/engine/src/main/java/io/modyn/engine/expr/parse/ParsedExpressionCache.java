package io.modyn.engine.expr.parse;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded, concurrent cache of parsed (and structurally checked) expressions, keyed by the
 * expression kind and text. Applications send the same few expressions over and over with
 * different values, so the syntax tree is cached while names and values are resolved per request.
 *
 * <p>When full, an arbitrary entry is evicted: the hot expressions of an application come back at
 * once, so exact LRU order buys nothing worth a lock. Only successful parses are cached; an invalid
 * expression is parsed again each time and fails again.
 */
public final class ParsedExpressionCache<T> {

    private final int capacity;
    private final Map<String, T> entries = new ConcurrentHashMap<>();

    public ParsedExpressionCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
    }

    public T get(String kind, String text, Function<String, T> parser) {
        String key = kind + '\u0000' + text;
        T cached = entries.get(key);
        if (cached != null) return cached;
        T parsed = parser.apply(text);
        if (entries.size() >= capacity) evictOne();
        entries.put(key, parsed);
        return parsed;
    }

    int size() {
        return entries.size();
    }

    private void evictOne() {
        Iterator<String> keys = entries.keySet().iterator();
        if (keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
