package io.modyn.storage.postgres;

import io.modyn.api.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Creates the schema if needed and applies the Liquibase changelog packaged in this bundle.
 *
 * <p>Several nodes may start at once. They queue on a session advisory lock (keyed by the schema)
 * before touching anything, so exactly one creates the schema and Liquibase's own tables while
 * the others wait and then find nothing to do; Liquibase's lock table still guards against other
 * Liquibase users of the schema. The lock goes with the connection, even if a node dies.
 *
 * <p>Liquibase runs with this bundle's class loader as its scope class loader and resource
 * accessor: inside OSGi that loader sees Liquibase (embedded on the Bundle-ClassPath), its
 * service files and the changelog, where the thread's context loader would see none of them.
 * Liquibase's anonymous usage analytics are off: a database server must not phone home.
 */
final class SchemaMigration {

    static final String CHANGELOG = "io/modyn/storage/postgres/changelog/changelog.sql";
    /** Advisory lock space of the migration (the first half of a two-int key: apart from record locks). */
    private static final int MIGRATION_LOCK_CLASS = 0x6d6f6479; // "mody"

    private SchemaMigration() {
    }

    /** Migrates the schema over a connection of its own; throws a translated {@link StorageException}. */
    static void migrate(DataSource direct, String schema) {
        SchemaName.check(schema);
        try (Connection connection = direct.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, MIGRATION_LOCK_CLASS);
                lock.setString(2, schema);
                lock.execute();
            }
            createSchemaIfMissing(connection, schema);
            runLiquibase(connection, schema);
            // Closing the connection releases the session lock.
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "prepare schema " + schema);
        }
    }

    /** Asks before creating, so a user without CREATE on the database can use a schema made for it. */
    private static void createSchemaIfMissing(Connection connection, String schema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            exists.setString(1, schema);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) return;
            }
        }
        try (PreparedStatement create = connection.prepareStatement("CREATE SCHEMA " + schema)) {
            create.execute();
        }
    }

    private static void runLiquibase(Connection connection, String schema) {
        ClassLoader loader = SchemaMigration.class.getClassLoader();
        // Liquibase builds its root scope on first use from the thread's context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Map<String, Object> scope = Map.of(
                    Scope.Attr.classLoader.name(), loader,
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    AnalyticsArgs.ENABLED.getKey(), false);
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName(schema);
                database.setLiquibaseSchemaName(schema);
                ChangeLogParameters parameters = new ChangeLogParameters(database);
                parameters.set("schema", schema);
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                        // The summary table would go to standard output; the log has what matters.
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        } catch (Exception e) {
            SQLException sql = sqlCause(e);
            if (sql != null) throw SqlErrors.translate(sql, "migrate schema " + schema);
            throw new StorageException("cannot migrate schema " + schema + ": " + e.getMessage(), e, false);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) return sql;
        }
        return null;
    }
}
