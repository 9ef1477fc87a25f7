package io.modyn.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/** Requests made from one pre-serialized template by patching its slots. */
final class TemplateRequests implements ClientRequests {

    private final RequestTemplate template;
    private final Consumer<RequestTemplate> patch;
    private final long logicalBytes;
    private final String expected;

    /**
     * @param patch    sets the slots for the next request
     * @param expected text a 200 answer must contain, or null
     */
    TemplateRequests(RequestTemplate template, Consumer<RequestTemplate> patch, long logicalBytes, String expected) {
        this.template = template;
        this.patch = patch;
        this.logicalBytes = logicalBytes;
        this.expected = expected;
    }

    @Override
    public void next() {
        patch.accept(template);
    }

    @Override
    public byte[] bytes() {
        return template.bytes();
    }

    @Override
    public int length() {
        return template.length();
    }

    @Override
    public long logicalBytesWritten() {
        return logicalBytes;
    }

    @Override
    public String unexpected(String body) {
        return expected == null || body.contains(expected) ? null : "expected " + expected + " in " + abbreviate(body);
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    static long random(long bound) {
        return ThreadLocalRandom.current().nextLong(bound);
    }
}
