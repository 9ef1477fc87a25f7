package io.modyn.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path directory;

    @Test
    void missingFileIsCreatedOwnerOnlyWithARandomHexToken() throws IOException {
        Path file = directory.resolve("data").resolve("admin-token");
        AdminToken.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(read(file).matches("[0-9a-f]{64}"), "64 hex digits (32 random bytes)");
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }

    @Test
    void eachNewTokenIsDifferent() throws IOException {
        AdminToken.loadOrCreate(directory.resolve("one"));
        AdminToken.loadOrCreate(directory.resolve("two"));
        assertNotEquals(read(directory.resolve("one")), read(directory.resolve("two")));
    }

    @Test
    void anExistingOwnerOnlyTokenIsKept() throws IOException {
        Path file = directory.resolve("admin-token");
        String operatorsToken = "operator_chosen-token_of_32_chars_or_more";
        Files.writeString(file, operatorsToken + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        AdminToken token = AdminToken.loadOrCreate(file);

        assertDoesNotThrow(() -> token.authorize("Bearer " + operatorsToken));
        assertEquals(operatorsToken, read(file));
    }

    @Test
    void aFileOthersCanReadIsReplaced() throws IOException {
        Path file = directory.resolve("admin-token");
        String leaked = "a".repeat(64);
        Files.writeString(file, leaked);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AdminToken token = AdminToken.loadOrCreate(file);

        assertNotEquals(leaked, read(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(AdminException.FORBIDDEN,
                assertThrows(AdminException.class, () -> token.authorize("Bearer " + leaked)).status());
    }

    @Test
    void aSymbolicLinkIsReplacedNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(directory.resolve("elsewhere"), "b".repeat(64));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
        Path file = Files.createSymbolicLink(directory.resolve("admin-token"), elsewhere);

        AdminToken.loadOrCreate(file);

        assertFalse(Files.isSymbolicLink(file));
        assertEquals("b".repeat(64), read(elsewhere), "the link's target is left alone");
        assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFileWithoutAUsableTokenIsReplaced() throws IOException {
        Path file = directory.resolve("admin-token");
        Files.writeString(file, "short");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        AdminToken.loadOrCreate(file);

        assertTrue(read(file).matches("[0-9a-f]{64}"));
    }

    @Test
    void requestsNeedTheBearerToken() throws IOException {
        Path file = directory.resolve("admin-token");
        AdminToken token = AdminToken.loadOrCreate(file);
        String secret = read(file);

        assertDoesNotThrow(() -> token.authorize("Bearer " + secret));
        assertDoesNotThrow(() -> token.authorize("bearer " + secret));
        assertEquals(AdminException.UNAUTHORIZED, status(token, null));
        assertEquals(AdminException.UNAUTHORIZED, status(token, "Basic " + secret));
        assertEquals(AdminException.FORBIDDEN, status(token, "Bearer " + secret.substring(1)));
        assertEquals(AdminException.FORBIDDEN, status(token, "Bearer " + secret + "0"));
    }

    @Test
    void theTokenAppearsInNoMessage() throws IOException {
        Path file = directory.resolve("admin-token");
        AdminToken token = AdminToken.loadOrCreate(file);
        String secret = read(file);

        assertFalse(token.toString().contains(secret));
        for (String presented : new String[] {null, "Bearer wrong", "Token x"}) {
            AdminException error = assertThrows(AdminException.class, () -> token.authorize(presented));
            assertFalse(error.getMessage().contains(secret), error.getMessage());
            assertTrue(error.getMessage().contains(file.toString()), "names the file: " + error.getMessage());
        }
    }

    private static int status(AdminToken token, String authorization) {
        return assertThrows(AdminException.class, () -> token.authorize(authorization)).status();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).trim();
    }
}
