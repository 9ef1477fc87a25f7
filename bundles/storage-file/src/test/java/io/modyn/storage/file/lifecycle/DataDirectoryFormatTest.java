package io.modyn.storage.file.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryFormatTest {

    @TempDir
    Path data;

    @Test
    void aNewDirectoryGetsTheCurrentFormatAndLayout() throws IOException {
        Path root = data.resolve("new");
        try (DataDirectory directory = DataDirectory.open(root)) {
            assertEquals(FormatVersion.CURRENT, directory.formatVersion());
            for (Path sub : List.of(directory.manifest(), directory.commitLog(), directory.tables(), directory.snapshots())) {
                assertTrue(Files.isDirectory(sub), sub.toString());
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)));
            }
        }
        assertEquals("modyn-storage-file 2\n", Files.readString(root.resolve("FORMAT")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("FORMAT"))));
        assertFalse(Files.exists(root.resolve("FORMAT.tmp")));
        try (DataDirectory directory = DataDirectory.open(root)) {
            assertEquals(FormatVersion.CURRENT, directory.formatVersion());
        }
    }

    @Test
    void aNewerFormatIsRefusedNamingBothVersionsWithNothingTouched() throws IOException {
        Files.writeString(data.resolve("FORMAT"), "modyn-storage-file 3\n");
        Files.createDirectories(data.resolve("manifest"));
        Files.writeString(data.resolve("manifest/manifest-00000000000000000007.log"), "a newer manifest");
        Files.createDirectories(data.resolve("tables/4"));
        Files.writeString(data.resolve("tables/4/9.sst"), "a newer table");
        Map<String, String> before = listing(data);

        StorageException e = assertThrows(StorageException.class, () -> DataDirectory.open(data));
        assertTrue(e.getMessage().contains("format 3"), e.getMessage());
        assertTrue(e.getMessage().contains("reads formats 1 to 2"), e.getMessage());
        assertTrue(e.getMessage().contains("newer Modyn"), e.getMessage());
        assertFalse(e.retryable());
        assertEquals(before, listing(data), "no file created, changed or removed");
    }

    @Test
    void anUnreadableFormatFileIsRefusedWithNothingTouched() throws IOException {
        Files.writeString(data.resolve("FORMAT"), "something else\n");
        Map<String, String> before = listing(data);
        StorageException e = assertThrows(StorageException.class, () -> DataDirectory.open(data));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
        assertEquals(before, listing(data));
    }

    @Test
    void aFormatFileOfBinaryGarbageIsRefusedWithNothingTouched() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(data.resolve("FORMAT"), garbage);
        Map<String, String> before = listing(data);
        StorageException e = assertThrows(StorageException.class, () -> DataDirectory.open(data));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
        assertEquals(before, listing(data));
    }

    @Test
    void aManifestWithoutFormatFileIsRefused() throws IOException {
        Files.createDirectories(data.resolve("manifest"));
        Files.writeString(data.resolve("manifest/manifest-00000000000000000001.log"), "x");
        Map<String, String> before = listing(data);
        StorageException e = assertThrows(StorageException.class, () -> DataDirectory.open(data));
        assertTrue(e.getMessage().contains("no FORMAT file"), e.getMessage());
        assertEquals(before, listing(data));
    }

    @Test
    void aFormat1DirectoryOpensWithoutFormatFileForTheUpgrade() throws IOException {
        copyGoldenV1(data);
        Map<String, String> before = listing(data);
        try (DataDirectory directory = DataDirectory.open(data)) {
            assertEquals(FormatVersion.LEGACY, directory.formatVersion());
        }
        assertFalse(Files.exists(data.resolve("FORMAT")));
        Map<String, String> after = listing(data);
        for (Map.Entry<String, String> file : before.entrySet()) {
            // Directories gain the new layout's subdirectories; the format-1 files stay exactly as they were.
            if (!file.getValue().endsWith(" dir")) assertEquals(file.getValue(), after.get(file.getKey()), file.getKey());
        }
    }

    @Test
    void aFormat1DirectoryWithOnlyACommitLogIsFormat1() throws IOException {
        copyGoldenV1(data);
        Files.delete(data.resolve("snapshots/snapshot-00000000000000000002.db"));
        assertEquals(FormatVersion.LEGACY, FormatVersion.check(data));
    }

    @Test
    void aDirectoryThatDoesNotExistIsNew() throws IOException {
        assertEquals(FormatVersion.NEW, FormatVersion.check(data.resolve("absent")));
        assertFalse(Files.exists(data.resolve("absent")));
    }

    /** Copies the golden format-1 data directory of the test resources. */
    static void copyGoldenV1(Path target) throws IOException {
        for (String file : List.of("commitlog/commitlog-00000000000000000002.log", "snapshots/snapshot-00000000000000000002.db")) {
            Files.createDirectories(target.resolve(file).getParent());
            try (InputStream in = DataDirectoryFormatTest.class.getClassLoader().getResourceAsStream("golden/v1/" + file)) {
                Files.write(target.resolve(file), in.readAllBytes());
            }
        }
    }

    /** Every file and directory under root with its content and permissions, to show nothing changed. */
    static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(path).toString();
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                String content = Files.isDirectory(path) ? "dir" : Arrays.toString(Files.readAllBytes(path));
                files.put(key, permissions + " " + Files.getLastModifiedTime(path).toMillis() + " " + content);
            }
        }
        return files;
    }
}
