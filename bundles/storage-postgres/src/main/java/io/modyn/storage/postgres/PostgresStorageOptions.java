package io.modyn.storage.postgres;

import java.time.Duration;

/**
 * Everything a {@link PostgresStorageEngine} is opened with. Plain values, so the engine is built
 * and tested without OSGi; {@link PostgresStorageService} derives them from configuration.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}, optionally with driver properties
 * @param user the database user, or null to take it from the URL
 * @param password the password, or null to take it from the URL (or use none)
 * @param schema where the tables live; created if missing
 * @param maxPoolSize the most connections this node opens
 * @param connectionTimeout how long a request waits for a connection before a retryable failure
 */
public record PostgresStorageOptions(String jdbcUrl, String user, String password, String schema, int maxPoolSize,
        Duration connectionTimeout) {

    public static final String DEFAULT_SCHEMA = "modyn";
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public PostgresStorageOptions {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the JDBC URL must start with jdbc:postgresql:, not '" + withoutQuery(jdbcUrl) + "'");
        }
        SchemaName.check(schema);
        if (maxPoolSize < 1) throw new IllegalArgumentException("the pool needs at least one connection");
        // HikariCP refuses less than 250 ms.
        if (connectionTimeout.toMillis() < 250) throw new IllegalArgumentException("the connection timeout must be at least 250 ms");
        if (user != null && user.isEmpty()) user = null;
        if (password != null && password.isEmpty()) password = null;
    }

    public static PostgresStorageOptions defaults(String jdbcUrl) {
        return new PostgresStorageOptions(jdbcUrl, null, null, DEFAULT_SCHEMA, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    public PostgresStorageOptions withCredentials(String newUser, String newPassword) {
        return new PostgresStorageOptions(jdbcUrl, newUser, newPassword, schema, maxPoolSize, connectionTimeout);
    }

    public PostgresStorageOptions withSchema(String newSchema) {
        return new PostgresStorageOptions(jdbcUrl, user, password, newSchema, maxPoolSize, connectionTimeout);
    }

    public PostgresStorageOptions withMaxPoolSize(int size) {
        return new PostgresStorageOptions(jdbcUrl, user, password, schema, size, connectionTimeout);
    }

    public PostgresStorageOptions withConnectionTimeout(Duration timeout) {
        return new PostgresStorageOptions(jdbcUrl, user, password, schema, maxPoolSize, timeout);
    }

    /** The URL without its query string, which may hold a password: safe for logs. */
    public String describeDatabase() {
        return withoutQuery(jdbcUrl) + " (schema " + schema + (user == null ? "" : ", user " + user) + ")";
    }

    /**
     * A failure message made safe for logs: the URL's query string (which may hold a password) and
     * the password itself replaced by {@code ***}. The driver and the pool may quote the URL they
     * were given, for instance when they cannot parse it.
     */
    public String redact(String message) {
        if (message == null) return null;
        String safe = message;
        int query = jdbcUrl.indexOf('?');
        if (query >= 0 && query < jdbcUrl.length() - 1) safe = safe.replace(jdbcUrl.substring(query + 1), "***");
        if (password != null && !password.isBlank()) safe = safe.replace(password, "***");
        return safe;
    }

    private static String withoutQuery(String url) {
        if (url == null) return null;
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        // Never print the password, nor a URL that may carry one.
        return "PostgresStorageOptions[" + describeDatabase() + ", maxPoolSize " + maxPoolSize + ", connectionTimeout "
                + connectionTimeout.toMillis() + " ms]";
    }
}
