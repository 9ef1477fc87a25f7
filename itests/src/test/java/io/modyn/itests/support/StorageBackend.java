package io.modyn.itests.support;

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
        return this == FILE ? List.of("--storage", "file")
                : List.of("--storage", "postgres", "--jdbc-url", postgresUrl(), "--jdbc-schema", schema);
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

    static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) throw new IllegalStateException(POSTGRES_URL + " is not set");
        return url;
    }
}
