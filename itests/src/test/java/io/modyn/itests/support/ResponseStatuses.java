package io.modyn.itests.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the HTTP status of every response an SDK client received, retried attempts included, so
 * a test can tell which errors its retries rode out (and that none was a client error).
 */
public final class ResponseStatuses implements ExecutionInterceptor {

    private final Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        counts.computeIfAbsent(context.httpResponse().statusCode(), status -> new AtomicInteger()).incrementAndGet();
    }

    /** Responses received per status, in status order. */
    public Map<Integer, Integer> counts() {
        Map<Integer, Integer> snapshot = new TreeMap<>();
        counts.forEach((status, count) -> snapshot.put(status, count.get()));
        return snapshot;
    }

    /** Responses with a status in {@code [from, to]}. */
    public int between(int from, int to) {
        return counts().entrySet().stream()
                .filter(entry -> entry.getKey() >= from && entry.getKey() <= to)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
