package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the storage writes is readable by its owner only (directories 0700, files 0600),
 * whatever the process's umask: the surefire JVM runs with the usual 022, under which files
 * created without explicit permissions would be readable by every local user.
 */
class FilePermissionsTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
    }

    private static FileStorageEngine open(Path directory) {
        return FileStorageEngine.open(FileStorageOptions.defaults(directory).withSegmentSize(8192));
    }

    /** Every path under {@code root} (itself included) whose permissions are not owner-only, with what they are. */
    private static List<String> notOwnerOnly(Path root) throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                String actual = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                if (!actual.equals(expected)) wrong.add(root.relativize(path) + " is " + actual);
            }
        }
        return wrong;
    }

    private static int fileCount(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return (int) paths.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void directoriesSegmentsTablesManifestSnapshotsAndLockFileAreOwnerOnly() throws IOException {
        Path data = temp.resolve("parent").resolve("storage");
        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
            for (int i = 0; i < 300; i++) put(engine, "t", "p" + i, "s", "a value long enough to roll segments " + i);
            assertTrue(engine.flush());
            put(engine, "t", "p", "s", "after the flush");
            engine.snapshot("t", "backup");
        }
        try (FileStorageEngine engine = open(data)) {
            put(engine, "t", "p", "s", "after a restart");
        }

        assertTrue(fileCount(data) >= 6, "segments, tables, the manifest, a snapshot and the lock file were written");
        assertEquals(List.of(), notOwnerOnly(temp.resolve("parent")));
    }

    @Test
    void anExistingDataDirectoryIsTightenedWhenOpened() throws IOException {
        Path data = temp.resolve("storage");
        Files.createDirectories(data.resolve("commitlog"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxr-x"));

        try (FileStorageEngine engine = open(data)) {
            engine.createKeyspace("t");
        }

        assertEquals(List.of(), notOwnerOnly(data));
    }
}
