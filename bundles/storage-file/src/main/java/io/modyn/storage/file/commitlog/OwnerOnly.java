package io.modyn.storage.file.commitlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the storage's directories and files readable by their owner only (0700 and 0600): they
 * hold every item of every table, and nothing else on the machine may read them, whatever umask
 * the process was started with (an embedded use need not go through bin/modyn, which sets one).
 * On a file system without POSIX permissions the files are created as the file system does.
 */
public final class OwnerOnly {

    private static final Logger LOG = Logger.getLogger(OwnerOnly.class.getName());

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates a directory and any missing parents, each owner-only; an existing directory is tightened. */
    public static Path createDirectories(Path directory) throws IOException {
        if (!isPosix(directory.getFileSystem())) return Files.createDirectories(directory);
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        // Made by an older version or by hand: the attribute above applies only to new directories.
        if (!Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
            try {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            } catch (IOException notOwner) {
                LOG.warning(() -> "Cannot make " + directory + " readable by its owner only: " + notOwner);
            }
        }
        return directory;
    }

    /** Opens a channel; a file it creates is owner-only. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), fileAttributes(file.getFileSystem()));
    }

    private static FileAttribute<?>[] fileAttributes(FileSystem fileSystem) {
        return isPosix(fileSystem) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
