package io.modyn.storage.postgres;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the PostgreSQL storage (PID {@code io.modyn.storage.postgres}); required, there
 * is no default database. Configuration Admin persists every value in its cache under the data
 * directory, so secrets are given by reference (an environment variable's name, a file) and read
 * by the component when it starts.
 */
@ObjectClassDefinition(name = "Modyn PostgreSQL storage",
        description = "Stores keyspaces and records in a PostgreSQL schema shared safely by any number of Modyn nodes")
public @interface PostgresStorageConfig {

    @AttributeDefinition(name = "JDBC URL",
            description = "jdbc:postgresql://host:port/database, optionally followed by driver properties (?sslmode=require&socketTimeout=30)."
                    + " Configuration Admin keeps this value in its files: a URL that carries a password belongs in the variable"
                    + " named by jdbcUrlEnvironmentVariable instead", required = false)
    String jdbcUrl() default "";

    @AttributeDefinition(name = "JDBC URL environment variable",
            description = "The environment variable holding the JDBC URL, read when the component starts; when it is set it wins"
                    + " over jdbcUrl. Only the variable's name is stored in the configuration", required = false)
    String jdbcUrlEnvironmentVariable() default "";

    @AttributeDefinition(name = "User", description = "Database user; empty to take it from the URL", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password",
            description = "Database password; empty for none or to take it from the URL. Configuration Admin keeps this value in its"
                    + " files: prefer passwordFile or passwordEnvironmentVariable",
            type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Password environment variable",
            description = "The environment variable holding the password, read when the component starts; when it is set it wins"
                    + " over the password setting. Only the variable's name is stored in the configuration", required = false)
    String passwordEnvironmentVariable() default "";

    @AttributeDefinition(name = "Password file",
            description = "A file holding the password (a trailing newline is ignored); wins over the password settings above."
                    + " A relative path is resolved against the modyn.home system property",
            required = false)
    String passwordFile() default "";

    @AttributeDefinition(name = "Maximum pool size", description = "The most connections this node opens to the database", min = "1")
    int maxPoolSize() default PostgresStorageOptions.DEFAULT_MAX_POOL_SIZE;

    @AttributeDefinition(name = "Schema", description = "The schema holding Modyn's tables, created if missing ([a-z_][a-z0-9_]*)")
    String schema() default PostgresStorageOptions.DEFAULT_SCHEMA;

    @AttributeDefinition(name = "Connection timeout (ms)",
            description = "How long a request waits for a database connection before it fails with a retryable error", min = "250")
    long connectionTimeoutMillis() default 5000;
}
