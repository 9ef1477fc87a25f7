package io.modyn.engine.expr.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedExpressionCacheTest {

    @Test
    void parsesEachDistinctKindAndTextOnce() {
        ParsedExpressionCache<Object> cache = new ParsedExpressionCache<>(10);
        AtomicInteger parses = new AtomicInteger();
        Object first = cache.get("ConditionExpression", "a = :v", t -> counted(parses));
        Object again = cache.get("ConditionExpression", "a = :v", t -> counted(parses));
        cache.get("FilterExpression", "a = :v", t -> counted(parses));
        assertSame(first, again);
        assertEquals(2, parses.get());
    }

    @Test
    void staysWithinItsCapacity() {
        ParsedExpressionCache<String> cache = new ParsedExpressionCache<>(3);
        for (int i = 0; i < 50; i++) cache.get("k", "text" + i, t -> t);
        assertEquals(3, cache.size());
    }

    @Test
    void failedParsesAreNotCached() {
        ParsedExpressionCache<String> cache = new ParsedExpressionCache<>(3);
        assertThrows(IllegalStateException.class, () -> cache.get("k", "bad", t -> {
            throw new IllegalStateException("bad");
        }));
        assertEquals(0, cache.size());
    }

    private static Object counted(AtomicInteger parses) {
        parses.incrementAndGet();
        return new Object();
    }
}
