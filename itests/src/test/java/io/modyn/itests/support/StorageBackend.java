package io.modyn.itests.support;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storage backend this run of the suite starts its servers on: the system property
 * {@value #PROPERTY} ({@code file} or {@code postgres}), which the pom sets per surefire execution,
 * so every test class runs once on each backend without knowing which.
 *
 * <p>On PostgreSQL every server gets a fresh schema of its own in the database named by
 * {@value #POSTGRES_URL} (emptied before the server starts, dropped when it is closed, and kept
 * across its restarts), so servers never see each other's tables and concurrent runs on one
 * database do not collide.
 */
public enum StorageBackend {

    FILE("io.modyn.storage.file"),
    POSTGRES("io.modyn.storage.postgres");

    public static final String PROPERTY = "modyn.it.storage";
    public static final String POSTGRES_URL = "MODYN_IT_POSTGRES_URL";
    public static final String REQUIRE_POSTGRES = "MODYN_IT_REQUIRE_POSTGRES";

    private static final String URL_PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_POSTGRES_PORT = 5432;

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final String bundle;

    StorageBackend(String bundle) {
        this.bundle = bundle;
    }

    public static StorageBackend current() {
        String name = System.getProperty(PROPERTY, "file");
        for (StorageBackend backend : values()) {
            if (backend.name().equalsIgnoreCase(name)) return backend;
        }
        throw new IllegalStateException(PROPERTY + "=" + name + ": expected file or postgres");
    }

    /** The symbolic name of the backend's storage bundle, the one to stop, swap or look for. */
    public String bundle() {
        return bundle;
    }

    /** The {@code bin/modyn} options that put a server on this backend (on PostgreSQL, in the given schema). */
    List<String> serverOptions(String schema) {
        return this == FILE ? List.of("--storage", "file") : serverOptions(schema, postgresUrl());
    }

    /** The {@code bin/modyn} options that put a server on PostgreSQL at {@code jdbcUrl}, in the given schema. */
    List<String> serverOptions(String schema, String jdbcUrl) {
        if (this != POSTGRES) throw new IllegalStateException("a JDBC URL needs the PostgreSQL backend, not " + this);
        return List.of("--storage", "postgres", "--jdbc-url", jdbcUrl, "--jdbc-schema", schema);
    }

    /** A new schema name for one server (PostgreSQL only), unique to this JVM. */
    static String newSchema(String serverName) {
        String name = "it_" + serverName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_"
                + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        return name.length() > 63 ? name.substring(name.length() - 63) : name;
    }

    /** Drops the server's schema if it exists: before a server starts (fresh) and after it is closed (tidy). */
    void dropSchema(String schema) {
        if (this != POSTGRES) return;
        try (Connection connection = DriverManager.getConnection(postgresUrl()); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop schema " + schema + " in " + POSTGRES_URL, e);
        }
    }

    /**
     * Host and port of the PostgreSQL server named by {@value #POSTGRES_URL}
     * ({@code jdbc:postgresql://host[:port]/database...}; one host, port 5432 when omitted).
     */
    public static InetSocketAddress postgresAddress() {
        HostAndPort server = hostAndPort();
        return new InetSocketAddress(server.host(), server.port());
    }

    /** The {@value #POSTGRES_URL} URL with its host and port replaced by {@code address}: same database, user and options. */
    static String postgresUrlVia(InetSocketAddress address) {
        String url = postgresUrl();
        HostAndPort current = hostAndPort();
        return URL_PREFIX + address.getHostString() + ":" + address.getPort() + url.substring(URL_PREFIX.length() + current.length());
    }

    /** {@code host[:port]} right after {@value #URL_PREFIX}, with the characters it takes up in the URL. */
    private record HostAndPort(String host, int port, int length) {
    }

    private static HostAndPort hostAndPort() {
        String url = postgresUrl();
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalStateException(POSTGRES_URL + " must start with " + URL_PREFIX + " to name a host: " + redacted(url));
        }
        String rest = url.substring(URL_PREFIX.length());
        int end = 0;
        while (end < rest.length() && "/?".indexOf(rest.charAt(end)) < 0) end++;
        String authority = rest.substring(0, end);
        if (authority.isEmpty() || authority.contains(",") || authority.startsWith("[")) {
            throw new IllegalStateException(POSTGRES_URL + " must name exactly one host (name or IPv4): " + redacted(url));
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0) return new HostAndPort(authority, DEFAULT_POSTGRES_PORT, end);
        return new HostAndPort(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)), end);
    }

    /** The URL without its query string, which may carry a password. */
    private static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) throw new IllegalStateException(POSTGRES_URL + " is not set");
        return url;
    }
}
