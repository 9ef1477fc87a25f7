package io.modyn.auth.iam.identity;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server key that seals IAM users' secret access keys: 32 random bytes in
 * {@code <data-dir>/iam-secret.key} (or the file {@code MODYN_IAM_SECRET_KEY_FILE} names), never
 * in storage, so a copy of the database alone does not reveal any secret. Every node of a cluster
 * must hold the same file (the operator copies it).
 *
 * <p>Created on first use with owner-only permissions from the start: written to a temporary file
 * that never had wider ones, then published with a hard link, which fails instead of replacing
 * when another process (a second node sharing the file) created it meanwhile; then that one's
 * key is used.
 */
public final class SecretKeyFile {

    public static final String FILE_NAME = "iam-secret.key";
    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(SecretKeyFile.class.getName());

    private SecretKeyFile() {
    }

    /** @throws IllegalStateException if the file cannot be read or created, or does not hold exactly 32 bytes */
    public static SecretKey loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(file + " must hold exactly " + KEY_BYTES + " bytes, not " + key.length);
            }
            if (Files.getPosixFilePermissions(file).stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                LOG.warning(() -> file + " can be read by other users than its owner; restrict it with chmod 600 " + file);
            }
            return new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use the IAM secret key file " + file + ": " + e, e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + FILE_NAME + "-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(temporary, key, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, temporary);
                LOG.info(() -> "Created the key that seals IAM users' secret access keys: " + file
                        + " (owner-only; every node sharing this storage needs a copy of it)");
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use that one
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
