package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration to engine options: credentials, the password file, and refusals of bad values. */
class PostgresStorageServiceTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/modyn?sslmode=require";

    @TempDir
    Path home;

    private static PostgresStorageConfig config(String jdbcUrl, String user, String password, String passwordFile, String schema) {
        return config(jdbcUrl, "", user, password, "", passwordFile, schema);
    }

    private static PostgresStorageConfig config(String jdbcUrl, String jdbcUrlVariable, String user, String password, String passwordVariable,
            String passwordFile, String schema) {
        return new PostgresStorageConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PostgresStorageConfig.class;
            }

            @Override
            public String jdbcUrl() {
                return jdbcUrl;
            }

            @Override
            public String jdbcUrlEnvironmentVariable() {
                return jdbcUrlVariable;
            }

            @Override
            public String passwordEnvironmentVariable() {
                return passwordVariable;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public String passwordFile() {
                return passwordFile;
            }

            @Override
            public int maxPoolSize() {
                return 7;
            }

            @Override
            public String schema() {
                return schema;
            }

            @Override
            public long connectionTimeoutMillis() {
                return 1500;
            }
        };
    }

    @Test
    void settingsBecomeOptions() {
        PostgresStorageOptions options = PostgresStorageService.options(config(URL, "modyn", "secret", "", "tenant_a"), null);
        assertEquals(URL, options.jdbcUrl());
        assertEquals("modyn", options.user());
        assertEquals("secret", options.password());
        assertEquals("tenant_a", options.schema());
        assertEquals(7, options.maxPoolSize());
        assertEquals(Duration.ofMillis(1500), options.connectionTimeout());
    }

    @Test
    void emptyCredentialsAreLeftToTheUrl() {
        PostgresStorageOptions options = PostgresStorageService.options(config(URL, "", "", "", "modyn"), null);
        assertNull(options.user());
        assertNull(options.password());
    }

    @Test
    void aPasswordFileWinsAndLosesItsTrailingNewline() throws Exception {
        Files.writeString(home.resolve("db-password"), "from file\n");
        PostgresStorageOptions options = PostgresStorageService.options(config(URL, "modyn", "inline", "db-password", "modyn"), home.toString());
        assertEquals("from file", options.password());
    }

    @Test
    void anUnreadablePasswordFileIsAConfigurationError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> PostgresStorageService.options(config(URL, "modyn", "", home.resolve("missing").toString(), "modyn"), null));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void badUrlsAndSchemasAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PostgresStorageService.options(config("", "", "", "", "modyn"), null));
        assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageService.options(config("jdbc:mysql://db/modyn", "", "", "", "modyn"), null));
        for (String schema : new String[] {"Modyn", "1st", "a-b", "x; DROP TABLE y", ""}) {
            assertThrows(IllegalArgumentException.class, () -> PostgresStorageService.options(config(URL, "", "", "", schema), null), schema);
        }
    }

    @Test
    void theUrlAndThePasswordAreReadFromTheVariablesTheConfigurationNames() {
        Map<String, String> environment = Map.of("DB_URL", URL, "DB_PASSWORD", "from the environment");
        PostgresStorageOptions options = PostgresStorageService.options(
                config("", "DB_URL", "modyn", "inline", "DB_PASSWORD", "", "modyn"), null, environment::get);
        assertEquals(URL, options.jdbcUrl());
        assertEquals("from the environment", options.password());
    }

    @Test
    void aVariableThatIsSetWinsOverTheInlineValuesAndAnUnsetOneLeavesThem() {
        Map<String, String> environment = Map.of("DB_URL", URL);
        PostgresStorageOptions options = PostgresStorageService.options(
                config("jdbc:postgresql://inline/db", "DB_URL", "", "inline", "UNSET_PASSWORD", "", "modyn"), null, environment::get);
        assertEquals(URL, options.jdbcUrl());
        assertEquals("inline", options.password());

        PostgresStorageOptions fallback = PostgresStorageService.options(
                config("jdbc:postgresql://inline/db", "UNSET_URL", "", "", "", "", "modyn"), null, environment::get);
        assertEquals("jdbc:postgresql://inline/db", fallback.jdbcUrl());
    }

    @Test
    void aPasswordFileWinsOverThePasswordVariable() throws Exception {
        Files.writeString(home.resolve("db-password"), "from file\n");
        PostgresStorageOptions options = PostgresStorageService.options(
                config(URL, "", "modyn", "", "DB_PASSWORD", "db-password", "modyn"), home.toString(), Map.of("DB_PASSWORD", "env")::get);
        assertEquals("from file", options.password());
    }

    @Test
    void anUnsetUrlVariableWithoutAUrlIsAConfigurationErrorNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageService.options(config("", "MODYN_JDBC_URL", "", "", "", "", "modyn"), null, Map.<String, String>of()::get));
        assertTrue(e.getMessage().contains("MODYN_JDBC_URL"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageService.options(config("", "not a name", "", "", "", "", "modyn"), null, Map.<String, String>of()::get));
    }

    @Test
    void aRefusedUrlIsQuotedWithoutItsQueryString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgresStorageService.options(config("jdbc:mysql://db/modyn?password=hunter2", "", "", "", "modyn"), null));
        assertTrue(e.getMessage().contains("jdbc:mysql://db/modyn") && !e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void failureMessagesAreRedactedOfTheQueryStringAndThePassword() {
        PostgresStorageOptions options = PostgresStorageService.options(
                config("jdbc:postgresql://db/modyn?user=u&password=hunter2", "", "s3cret-pw", "", "modyn"), null);
        String redacted = options.redact("URL invalid jdbc:postgresql://db/modyn?user=u&password=hunter2; login with s3cret-pw refused");
        assertEquals("URL invalid jdbc:postgresql://db/modyn?***; login with *** refused", redacted);
    }

    @Test
    void optionsNeverPrintThePassword() {
        PostgresStorageOptions options = PostgresStorageService.options(
                config("jdbc:postgresql://db/modyn?password=hunter2", "modyn", "secret", "", "modyn"), null);
        assertTrue(!options.toString().contains("secret") && !options.toString().contains("hunter2"), options.toString());
    }
}
