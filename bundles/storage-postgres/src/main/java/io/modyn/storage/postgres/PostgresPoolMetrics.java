package io.modyn.storage.postgres;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.modyn.api.metrics.MetricSink;
import io.modyn.api.metrics.MetricSource;

/**
 * The connection pool's figures for the metrics bundle ({@code modyn_storage_postgres_pool_*}),
 * read from HikariCP when metrics are scraped: connections in use, idle, in all, the pool's limit,
 * and requests waiting for a connection (a pool too small for the load, or a database too slow).
 */
final class PostgresPoolMetrics implements MetricSource {

    private static final String PREFIX = "modyn_storage_postgres_pool_";

    private final PostgresStorageEngine engine;

    PostgresPoolMetrics(PostgresStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public void collect(MetricSink sink) {
        HikariPoolMXBean pool = engine.poolStatistics();
        if (pool == null) return; // closed, or not started yet
        sink.gauge(PREFIX + "active_connections", "Connections serving a request now", pool.getActiveConnections());
        sink.gauge(PREFIX + "idle_connections", "Open connections waiting for a request", pool.getIdleConnections());
        sink.gauge(PREFIX + "connections", "Open connections", pool.getTotalConnections());
        sink.gauge(PREFIX + "max_connections", "The pool's limit (maxPoolSize)", engine.maxPoolSize());
        sink.gauge(PREFIX + "pending_threads", "Requests waiting for a connection", pool.getThreadsAwaitingConnection());
    }
}
