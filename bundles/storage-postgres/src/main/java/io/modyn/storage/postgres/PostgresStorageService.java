package io.modyn.storage.postgres;

import io.modyn.api.metrics.MetricSource;
import io.modyn.api.storage.StorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The OSGi face of {@link PostgresStorageEngine}. Needs a configuration (there is no default
 * database); on activation hands the options to a {@link StorageStarter}, which opens the engine
 * off the activation thread and registers it as the {@link StorageEngine} service once the
 * schema is ready. On deactivation the service is unregistered first, then the pool closed.
 */
@Component(service = {}, immediate = true, configurationPid = PostgresStorageService.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PostgresStorageConfig.class)
public final class PostgresStorageService {

    static final String PID = "io.modyn.storage.postgres";
    /** The framework or system property a relative password file is resolved against. */
    static final String MODYN_HOME = "modyn.home";

    private static final Logger LOG = Logger.getLogger(PostgresStorageService.class.getName());

    private StorageStarter starter;

    @Activate
    void activate(BundleContext context, PostgresStorageConfig config) {
        PostgresStorageOptions options;
        try {
            options = options(config, context.getProperty(MODYN_HOME));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // A configuration error: say it once; a corrected configuration activates the component again.
            LOG.severe("PostgreSQL storage is not started, its configuration (PID " + PID + ") is invalid: " + e.getMessage());
            return;
        }
        starter = new StorageStarter(options, PostgresStorageEngine::open, engine -> register(context, engine));
        starter.start();
    }

    @Deactivate
    void deactivate() {
        if (starter != null) starter.stop();
    }

    private static Runnable register(BundleContext context, PostgresStorageEngine engine) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("storage.name", engine.name());
        ServiceRegistration<StorageEngine> registration = context.registerService(StorageEngine.class, engine, properties);
        // Read only if a metrics bundle is there to scrape them.
        ServiceRegistration<MetricSource> metrics = context.registerService(MetricSource.class, new PostgresPoolMetrics(engine), properties);
        return () -> {
            unregister(metrics);
            unregister(registration);
        };
    }

    private static void unregister(ServiceRegistration<?> service) {
        try {
            service.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            LOG.fine("Storage service was already unregistered");
        }
    }

    /** The engine options a configuration asks for, with secrets read from the process environment. */
    static PostgresStorageOptions options(PostgresStorageConfig config, String modynHome) {
        return options(config, modynHome, System::getenv);
    }

    /**
     * The engine options a configuration asks for. The URL and the password given by reference (an
     * environment variable, a file) are read here, so that only the references are stored.
     */
    static PostgresStorageOptions options(PostgresStorageConfig config, String modynHome, UnaryOperator<String> environment) {
        String jdbcUrl = fromEnvironment(environment, config.jdbcUrlEnvironmentVariable(), "jdbcUrlEnvironmentVariable");
        if (jdbcUrl == null) jdbcUrl = blankToNull(config.jdbcUrl());
        if (jdbcUrl == null) {
            String variable = blankToNull(config.jdbcUrlEnvironmentVariable());
            throw new IllegalArgumentException(variable == null ? "no JDBC URL: set jdbcUrl or jdbcUrlEnvironmentVariable"
                    : "no JDBC URL: the environment variable " + variable + " (jdbcUrlEnvironmentVariable) is not set, nor is jdbcUrl");
        }
        String password = config.password();
        String passwordVariable = fromEnvironment(environment, config.passwordEnvironmentVariable(), "passwordEnvironmentVariable");
        if (passwordVariable != null) password = passwordVariable;
        if (config.passwordFile() != null && !config.passwordFile().isBlank()) {
            password = readPassword(resolve(config.passwordFile().trim(), modynHome));
        }
        return PostgresStorageOptions.defaults(jdbcUrl.trim())
                .withCredentials(config.user() == null ? null : config.user().trim(), password)
                .withSchema(config.schema())
                .withMaxPoolSize(config.maxPoolSize())
                .withConnectionTimeout(Duration.ofMillis(config.connectionTimeoutMillis()));
    }

    /** The value of the variable a setting names, or null when it names none or the variable is unset or empty. */
    private static String fromEnvironment(UnaryOperator<String> environment, String variable, String setting) {
        if (variable == null || variable.isBlank()) return null;
        String name = variable.trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(setting + " must name an environment variable ([A-Za-z_][A-Za-z0-9_]*), not '" + name + "'");
        }
        return blankToNull(environment.apply(name));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Path resolve(String file, String modynHome) {
        Path path = Path.of(file);
        if (!path.isAbsolute() && modynHome != null && !modynHome.isBlank()) path = Path.of(modynHome).resolve(path);
        return path.toAbsolutePath().normalize();
    }

    private static String readPassword(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file + ": " + e, e);
        }
    }
}
