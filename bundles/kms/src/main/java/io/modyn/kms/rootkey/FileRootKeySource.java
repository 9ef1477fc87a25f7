package io.modyn.kms.rootkey;

import io.modyn.api.crypto.RootKeySource;
import io.modyn.kms.keys.AesGcm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The default root key: 32 random bytes, Base64 on one line, in a file outside the data directory.
 * Either the operator names the file ({@code --kms-root-key-file}), which must then exist, or it is
 * generated at the first start into {@code secrets/kms-root.key} beside the data directory: the
 * data directory (or its database) and the key that unlocks it are then two things to back up and
 * protect separately. A generated file is owner-only (0600, in a 0700 directory) and appears
 * atomically, complete or not at all, never replacing one that exists.
 */
public final class FileRootKeySource implements RootKeySource {

    public static final String DEFAULT_DIRECTORY = "secrets";
    public static final String DEFAULT_FILE_NAME = "kms-root.key";
    static final int KEY_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(FileRootKeySource.class.getName());
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final byte[] key;

    private FileRootKeySource(Path file, byte[] key) {
        this.file = file;
        this.key = key;
    }

    /** The key in the file the operator named; it must exist. */
    public static FileRootKeySource read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The KMS root key file " + file + " does not exist (--kms-root-key-file / MODYN_KMS_ROOT_KEY_FILE)");
        }
        return new FileRootKeySource(file, readKey(file));
    }

    /** The key in {@code secrets/kms-root.key} beside the data directory, generated if absent. */
    public static FileRootKeySource besideDataDirectory(Path dataDirectory) {
        Path parent = dataDirectory.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new IllegalStateException("The data directory " + dataDirectory + " has no parent to hold " + DEFAULT_DIRECTORY + "/" + DEFAULT_FILE_NAME
                    + "; name a root key file with --kms-root-key-file");
        }
        return readOrGenerate(parent.resolve(DEFAULT_DIRECTORY).resolve(DEFAULT_FILE_NAME));
    }

    static FileRootKeySource readOrGenerate(Path file) {
        if (Files.exists(file)) {
            return new FileRootKeySource(file, readKey(file));
        }
        try {
            Path directory = file.getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            }
            byte[] key = AesGcm.randomBytes(KEY_BYTES);
            Path temporary = Files.createTempFile(directory, ".kms-root", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE));
            try {
                Files.write(temporary, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
                Files.setPosixFilePermissions(temporary, OWNER_FILE);
                // A hard link appears atomically and never replaces: a concurrent first start keeps its key.
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                return new FileRootKeySource(file, readKey(file));
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.warning(() -> "Generated the KMS root key file " + file + ": back it up apart from the data; without it no KMS key "
                    + "(and nothing encrypted under one) can be opened");
            return new FileRootKeySource(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the KMS root key file " + file, e);
        }
    }

    private static byte[] readKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the KMS root key file " + file, e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The KMS root key file " + file + " must hold " + KEY_BYTES + " bytes in Base64 on one line");
        }
        return key;
    }

    public Path file() {
        return file;
    }

    @Override
    public String description() {
        return "file " + file;
    }

    @Override
    public byte[] wrap(byte[] keyMaterial, byte[] associatedData) {
        return AesGcm.sealWithNonce(key, keyMaterial, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        return AesGcm.openWithNonce(key, wrapped, associatedData);
    }
}
