package io.modyn.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's own figures (a storage engine's commit log size, its cache hit rate, a connection
 * pool's use), read by the metrics bundle each time metrics are scraped: register it as a service
 * and write the current values to the sink. Nothing is computed while nobody scrapes.
 *
 * <p>Names follow Prometheus' conventions ({@code modyn_storage_file_memtable_bytes}: a prefix
 * naming the bundle, base units, {@code _total} left to the exposition for counters), and must not
 * clash with another source's. {@link #collect} is called from the scraping thread, concurrently
 * with the bundle's own work: read figures the bundle keeps anyway, never block on its locks.
 */
@ConsumerType
public interface MetricSource {

    void collect(MetricSink sink);
}
