package io.modyn.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two ways the backend reaches PostgreSQL: a plain data source for the one-off schema
 * migration at start, and the HikariCP pool that serves requests. The driver is loaded by naming
 * its data source class (no DriverManager lookup, which OSGi class loading defeats).
 *
 * <p>Every pooled session waits at most {@link #LOCK_TIMEOUT} for a lock (then the engine gets a
 * retryable conflict) and is cut off after {@link #IDLE_IN_TRANSACTION_TIMEOUT} idle inside a
 * transaction, so a stalled node cannot hold record locks that other nodes wait for.
 */
final class PostgresDataSources {

    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Without a socket timeout a statement sent to a database behind a broken network waits for
     * TCP to give up (hours). A URL that sets {@code socketTimeout} itself wins.
     */
    static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    /** Sessions show as {@code modyn/<schema>} in pg_stat_activity, so an operator sees whose they are. */
    static String applicationName(String schema) {
        return "modyn/" + schema;
    }

    private PostgresDataSources() {
    }

    static PGSimpleDataSource direct(PostgresStorageOptions options) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(options.jdbcUrl());
        if (options.user() != null) source.setUser(options.user());
        if (options.password() != null) source.setPassword(options.password());
        int connectSeconds = (int) Math.max(1, (options.connectionTimeout().toMillis() + 999) / 1000);
        source.setConnectTimeout(connectSeconds);
        source.setLoginTimeout(connectSeconds);
        if (source.getSocketTimeout() == 0) source.setSocketTimeout((int) DEFAULT_SOCKET_TIMEOUT.toSeconds());
        source.setTcpKeepAlive(true);
        source.setApplicationName(applicationName(options.schema()));
        return source;
    }

    static HikariDataSource pooled(PostgresStorageOptions options, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setDataSource(direct(options));
        config.setMaximumPoolSize(options.maxPoolSize());
        config.setMinimumIdle(Math.min(2, options.maxPoolSize()));
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(options.connectionTimeout().toMillis(), 5000));
        // The schema was just migrated over a direct connection; do not fail if the database
        // blinks before the pool fills: requests then get retryable errors until it is back.
        config.setInitializationFailTimeout(-1);
        config.setConnectionInitSql("SET lock_timeout = " + LOCK_TIMEOUT.toMillis()
                + "; SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION_TIMEOUT.toMillis());
        return new HikariDataSource(config);
    }
}
