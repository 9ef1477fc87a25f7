package io.modyn.auth.iam.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The root credentials file, {@code <data-dir>/root-credentials}, in the AWS CLI's credentials-file
 * format, so that {@code AWS_SHARED_CREDENTIALS_FILE=<data-dir>/root-credentials aws ...} uses it:
 *
 * <pre>
 * # comment lines
 * [default]
 * aws_access_key_id = AKIA...
 * aws_secret_access_key = ...
 * </pre>
 *
 * <p>It is created with owner-only permissions (0600) from the start: written to a temporary file
 * that never had wider ones, forced to disk, then moved into place atomically, so no other user
 * can ever read it and no half-written file is ever found.
 */
public final class CredentialsFile {

    public static final String FILE_NAME = "root-credentials";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** An access key as read from the file; {@link #toString()} leaves the secret out. */
    public record Keys(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "Keys[" + accessKeyId + "]";
        }
    }

    private CredentialsFile() {
    }

    /** @return the keys of the {@code [default]} profile, or null if the file has none */
    public static Keys read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String section = null;
        String accessKeyId = null;
        String secret = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).trim();
                continue;
            }
            int equals = line.indexOf('=');
            if (!"default".equals(section) || equals < 0) {
                continue;
            }
            String name = line.substring(0, equals).trim();
            String value = line.substring(equals + 1).trim();
            if (name.equals("aws_access_key_id")) {
                accessKeyId = value;
            } else if (name.equals("aws_secret_access_key")) {
                secret = value;
            }
        }
        return accessKeyId == null || secret == null || accessKeyId.isEmpty() || secret.isEmpty()
                ? null : new Keys(accessKeyId, secret);
    }

    /**
     * Writes the keys to a new file, readable and writable by its owner only.
     *
     * @throws FileAlreadyExistsException if the file exists: an existing key is never overwritten
     */
    public static void create(Path file, String accountId, Keys keys) throws IOException {
        String text = "# Root credentials of Modyn account " + accountId + ", generated at its first start.\n"
                + "# Use them with AWS_SHARED_CREDENTIALS_FILE=" + file + " and keep this file private.\n"
                + "[default]\n"
                + "aws_access_key_id = " + keys.accessKeyId() + "\n"
                + "aws_secret_access_key = " + keys.secretAccessKey() + "\n";
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + FILE_NAME + "-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.write(temporary, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether users other than the owner may read or write the file. */
    public static boolean isOpenToOthers(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.stream().anyMatch(permission -> !OWNER_ONLY.contains(permission)
                && permission != PosixFilePermission.OWNER_EXECUTE);
    }
}
