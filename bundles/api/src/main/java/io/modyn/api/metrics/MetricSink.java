package io.modyn.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Takes the figures of one {@link MetricSource#collect} call. Each name is one metric; calling a
 * method again with the same name and other label values adds a series to it (all series of a
 * name must carry the same label names).
 *
 * <p>{@code labels} alternate names and values: {@code "keyspace", "orders", "level", "0"}.
 */
@ProviderType
public interface MetricSink {

    /** A value that goes up and down (bytes in use, connections open). */
    void gauge(String name, String help, double value, String... labels);

    /** A count that only grows while the bundle runs (bytes written, flushes); reset when it restarts. */
    void counter(String name, String help, double value, String... labels);
}
