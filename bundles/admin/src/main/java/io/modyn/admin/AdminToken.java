package io.modyn.admin;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The secret every admin request must carry ({@code Authorization: Bearer <token>}, or
 * {@code X-Modyn-Admin-Token: <token>} beside a signature), kept in a file
 * that only the user running the server can read. Loopback reaches every local user; the file's
 * permissions are what tell the operator apart from them.
 *
 * <p>At activation the token is read from the file, or, when the file is missing or unfit (a link,
 * not a regular file, readable or writable by group or others, another user's, no token in it), a
 * new one is made from 32 {@link SecureRandom} bytes, written in hex to a temporary file created
 * with mode 0600 (so it is never readable by others, not even for a moment) and renamed over the
 * token file. Comparison is constant-time; the token appears in no message, log or {@code toString}.
 */
final class AdminToken {

    static final String SCHEME = "Bearer";
    /** Where a signed request sends the token, its {@code Authorization} header being taken by the signature. */
    static final String HEADER = "X-Modyn-Admin-Token";

    private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());
    private static final int TOKEN_BYTES = 32;
    /** What an operator may put in the file: at least 32 characters of hex or base64url. */
    private static final Pattern ACCEPTED_TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final byte[] secret;

    private AdminToken(Path file, String token) {
        this.file = file;
        this.secret = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** The token in {@code file}, made first when the file is missing or unfit. */
    static AdminToken loadOrCreate(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            String problem = problemWith(absolute);
            if (problem == null) {
                String token = Files.readString(absolute, StandardCharsets.US_ASCII).trim();
                if (ACCEPTED_TOKEN.matcher(token).matches()) {
                    return new AdminToken(absolute, token);
                }
                problem = "it holds no token of at least 32 hex or base64url characters";
            }
            String why = problem;
            LOG.warning(() -> "Replacing the admin token file " + absolute + " with a new token: " + why);
        }
        String token = HexFormat.of().formatHex(randomBytes());
        writeOwnerOnly(absolute, token);
        return new AdminToken(absolute, token);
    }

    Path file() {
        return file;
    }

    /**
     * Fails unless the request carries this token: in {@value #HEADER} when it sends that header
     * (a signed request, whose {@code Authorization} header holds its Signature Version 4), else
     * as {@code Authorization: Bearer <token>}.
     */
    void authorize(Headers headers) throws AdminException {
        List<String> tokens = headers.get(HEADER);
        if (tokens != null) {
            if (tokens.size() != 1) {
                throw new AdminException(AdminException.UNAUTHORIZED, "Send the " + HEADER + " header once");
            }
            check(tokens.get(0).trim());
            return;
        }
        authorize(headers.getFirst("Authorization"));
    }

    /** Fails unless {@code authorization} is {@code Bearer <this token>}. */
    void authorize(String authorization) throws AdminException {
        if (authorization == null || authorization.isBlank()) {
            throw new AdminException(AdminException.UNAUTHORIZED, "The admin token is missing: send the header"
                    + " 'Authorization: Bearer <token>' with the token from " + file + " (bin/modyn-admin does)");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals(SCHEME.toLowerCase(Locale.ROOT))) {
            throw new AdminException(AdminException.UNAUTHORIZED, "Use 'Authorization: Bearer <token>' with the token from "
                    + file + " (or, with a signed request, '" + HEADER + ": <token>')");
        }
        check(parts[1]);
    }

    private void check(String presented) throws AdminException {
        if (!MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new AdminException(AdminException.FORBIDDEN, "Wrong admin token: use the one in " + file);
        }
    }

    @Override
    public String toString() {
        return "admin token in " + file;
    }

    /** Why the existing file cannot be trusted to hold a secret, or null if it can. */
    private static String problemWith(Path file) throws IOException {
        PosixFileAttributes attributes = posixAttributes(file);
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link";
        }
        if (!attributes.isRegularFile()) {
            return "it is not a regular file";
        }
        if (!OWNER_ONLY.containsAll(attributes.permissions())) {
            return "its mode " + PosixFilePermissions.toString(attributes.permissions())
                    + " lets others than its owner read or write it";
        }
        UserPrincipal owner = attributes.owner();
        UserPrincipal us = currentUser();
        if (us != null && !us.equals(owner)) {
            return "it belongs to " + owner.getName() + ", not to " + us.getName();
        }
        return null;
    }

    private static PosixFileAttributes posixAttributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new IOException("The admin token file " + file + " needs a file system with POSIX permissions", e);
        }
    }

    private static UserPrincipal currentUser() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Creates a 0600 temporary file beside the target, fills it, and renames it over the target. */
    private static void writeOwnerOnly(Path file, String token) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory,
                PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, "." + file.getFileName() + "-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            throw new IOException("The admin token file " + file + " needs a file system with POSIX permissions", e);
        }
        try {
            Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot rename " + temporary + " over " + file + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(temporary); // gone already once renamed
        }
    }
}
