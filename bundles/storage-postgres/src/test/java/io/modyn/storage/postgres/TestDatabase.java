package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the tests use: the database named by {@value #URL_VARIABLE} (Testcontainers has
 * no Docker engine here). Each test class works in a schema of its own, named after the class and
 * this JVM, so classes and concurrent builds on one database never see each other's data.
 *
 * <p>Without the variable the tests are skipped with a loud message, unless
 * {@value #REQUIRE_VARIABLE}{@code =true} (CI), which turns the skip into a failure.
 */
final class TestDatabase {

    static final String URL_VARIABLE = "MODYN_IT_POSTGRES_URL";
    static final String REQUIRE_VARIABLE = "MODYN_IT_REQUIRE_POSTGRES";

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private TestDatabase() {
    }

    /** The JDBC URL; skips (or fails, when required) the calling test class if there is none. */
    static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) return url;
        String message = URL_VARIABLE + " is not set: the PostgreSQL storage tests did NOT run."
                + " Set it to a database they may create schemas in, e.g. jdbc:postgresql://127.0.0.1:5432/modyn_test?user=postgres";
        if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) fail(message + " (" + REQUIRE_VARIABLE + "=true)");
        if (ANNOUNCED.compareAndSet(false, true)) System.err.println("\n*** SKIPPED *** " + message + "\n");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** A schema name for the class, unique to this JVM. */
    static String schemaFor(Class<?> testClass) {
        String name = "test_" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_" + ProcessHandle.current().pid();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** Small pools and short waits: tests open many engines, and nothing should wait long. */
    static PostgresStorageOptions options(String schema) {
        return PostgresStorageOptions.defaults(url()).withSchema(schema).withMaxPoolSize(4)
                .withConnectionTimeout(Duration.ofSeconds(10));
    }

    static Connection connect() throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url());
        return source.getConnection();
    }

    static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + SchemaName.check(schema) + " CASCADE");
    }

    /** Empties the schema's tables (if it has them yet), as a fresh fixture needs. */
    static void emptySchema(String schema) {
        SchemaName.check(schema);
        execute("DO $$ BEGIN IF to_regclass('" + schema + ".records') IS NOT NULL THEN "
                + "TRUNCATE " + schema + ".records, " + schema + ".keyspace_statistics, " + schema + ".keyspaces; END IF; END $$");
    }

    /** Ends every session the engines of a schema hold, as a database restart would. */
    static int terminateSessions(String schema) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, PostgresDataSources.applicationName(schema));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }
}
