package io.modyn.auth.iam.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.auth.iam.credentials.CredentialsFile.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCredentialsSourceTest {

    static final String ID_VARIABLE = "MODYN_ROOT_ACCESS_KEY_ID";
    static final String SECRET_VARIABLE = "MODYN_ROOT_SECRET_ACCESS_KEY";

    @TempDir
    Path dataDirectory;

    private final List<String> logLines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(RootCredentialsSource.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    private RootCredentialsSource source(Map<String, String> environment) {
        return new RootCredentialsSource(environment, ID_VARIABLE, SECRET_VARIABLE, dataDirectory, new AccessKeyGenerator(new SecureRandom()));
    }

    @Test
    void keysFromTheEnvironmentAreTakenAsGivenAndWriteNoFile() {
        Keys keys = source(Map.of(ID_VARIABLE, "dummy-key", SECRET_VARIABLE, "dummy-secret")).resolve("000000000000");
        assertEquals("dummy-key", keys.accessKeyId());
        assertEquals("dummy-secret", keys.secretAccessKey());
        assertFalse(Files.exists(dataDirectory.resolve("root-credentials")));
        assertTrue(logLines.stream().anyMatch(line -> line.contains("dummy-key")), logLines.toString());
        assertTrue(logLines.stream().noneMatch(line -> line.contains("dummy-secret")), logLines.toString());
    }

    @Test
    void onlyOneOfTheTwoVariablesIsAnErrorThatQuotesNoSecret() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> source(Map.of(SECRET_VARIABLE, "lonely-secret")).resolve("000000000000"));
        assertEquals(SECRET_VARIABLE + " is set but " + ID_VARIABLE + " is not: set both, or neither to use "
                + dataDirectory.resolve("root-credentials"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> source(Map.of(ID_VARIABLE, "key")).resolve("000000000000"));
    }

    @Test
    void accessKeyIdsThatWouldBreakACredentialScopeAreRefused() {
        for (String id : List.of("has space", "has/slash", "has,comma", "tab\there", "caf\u00e9")) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> source(Map.of(ID_VARIABLE, id, SECRET_VARIABLE, "s")).resolve("000000000000"), id);
            assertFalse(error.getMessage().contains(id), error.getMessage());
        }
        assertEquals("AKIA_any-printable!id", source(Map.of(ID_VARIABLE, "AKIA_any-printable!id", SECRET_VARIABLE, "s"))
                .resolve("000000000000").accessKeyId());
    }

    @Test
    void firstStartWithoutVariablesGeneratesKeysIntoAnOwnerOnlyFile() throws IOException {
        Keys keys = source(Map.of()).resolve("111122223333");
        Path file = dataDirectory.resolve("root-credentials");
        assertTrue(keys.accessKeyId().matches("AKIA[A-Z0-9]{16}"), keys.accessKeyId());
        assertTrue(keys.secretAccessKey().matches("[A-Za-z0-9+/]{40}"), "secret of 40 base64 characters");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.contains("[default]"), lines.toString());
        assertTrue(lines.contains("aws_access_key_id = " + keys.accessKeyId()));
        assertTrue(lines.contains("aws_secret_access_key = " + keys.secretAccessKey()));
        try (var files = Files.list(dataDirectory)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        assertTrue(logLines.stream().anyMatch(line -> line.contains(file.toString())), logLines.toString());
        assertTrue(logLines.stream().noneMatch(line -> line.contains(keys.secretAccessKey())), logLines.toString());
    }

    @Test
    void laterStartsReadTheSameKeys() {
        Keys first = source(Map.of()).resolve("000000000000");
        Keys second = source(Map.of()).resolve("000000000000");
        assertEquals(first, second);
    }

    @Test
    void environmentWinsOverTheFile() {
        source(Map.of()).resolve("000000000000");
        assertEquals("env-key", source(Map.of(ID_VARIABLE, "env-key", SECRET_VARIABLE, "env-secret")).resolve("000000000000").accessKeyId());
    }

    @Test
    void fileOthersCanReadIsUsedWithAWarning() throws IOException {
        Keys keys = source(Map.of()).resolve("000000000000");
        Path file = dataDirectory.resolve("root-credentials");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        logLines.clear();
        assertEquals(keys, source(Map.of()).resolve("000000000000"));
        assertTrue(logLines.stream().anyMatch(line -> line.startsWith("WARNING") && line.contains("chmod 600")), logLines.toString());
    }

    @Test
    void fileWithoutADefaultProfileIsAnError() throws IOException {
        Files.writeString(dataDirectory.resolve("root-credentials"), "[other]\naws_access_key_id = A\naws_secret_access_key = B\n");
        assertThrows(IllegalStateException.class, () -> source(Map.of()).resolve("000000000000"));
    }

    @Test
    void keysNeverShowTheirSecretAsText() {
        Keys keys = new Keys("AKIAEXAMPLE", "very-secret");
        assertFalse(keys.toString().contains("very-secret"));
        Credential credential = new RootCredentials("000000000000", "AKIAEXAMPLE", "very-secret").root();
        assertEquals("Credential[AKIAEXAMPLE of arn:aws:iam::000000000000:root]", credential.toString());
    }
}
