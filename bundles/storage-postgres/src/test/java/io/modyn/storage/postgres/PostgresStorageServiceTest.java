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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration to engine options: credentials, the password file, and refusals of bad values. */
class PostgresStorageServiceTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/modyn?sslmode=require";

    @TempDir
    Path home;

    private static PostgresStorageConfig config(String jdbcUrl, String user, String password, String passwordFile, String schema) {
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
    void optionsNeverPrintThePassword() {
        PostgresStorageOptions options = PostgresStorageService.options(
                config("jdbc:postgresql://db/modyn?password=hunter2", "modyn", "secret", "", "modyn"), null);
        assertTrue(!options.toString().contains("secret") && !options.toString().contains("hunter2"), options.toString());
    }
}
