package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.contents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modyn.storage.file.manifest.KeyspaceEntry;
import io.modyn.storage.file.manifest.Manifest;
import io.modyn.storage.file.manifest.ManifestState;
import io.modyn.storage.file.manifest.TableEntry;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole data directory of format 2, kept in test resources (golden/v2/data): the golden format-1
 * directory upgraded by the engine, then written to (a put and a delete over upgraded records, a
 * new keyspace), flushed, and written once more without a flush, so it holds upgraded tables,
 * flushed tables with a tombstone, a manifest with every kind of edit a running engine makes, and
 * a commit-log tail to replay. Every later version must open it with the same content.
 */
class GoldenFormat2DirectoryTest {

    @TempDir
    Path data;

    private void copyGolden() throws IOException, URISyntaxException {
        Path golden = Path.of(GoldenFormat2DirectoryTest.class.getClassLoader().getResource("golden/v2/data").toURI());
        try (Stream<Path> files = Files.walk(golden)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = data.resolve(golden.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
    }

    @Test
    void format2DataDirectoryOpensWithItsContent() throws Exception {
        copyGolden();
        try (FileStorageEngine engine = FileStorageEngine.open(FileStorageOptions.defaults(data))) {
            assertEquals(List.of("bob/=from commit log", "carol/=after upgrade", "dave/=in log only"), sorted(contents(engine, "table")));
            assertArrayEquals(new byte[] {0, (byte) 0xff}, engine.get("table.index", "idx".getBytes(), "alice".getBytes()));
            assertEquals(List.of("k/=v"), contents(engine, "new"));
            assertFalse(engine.keyspaceExists("dropped"));
            assertEquals(1, engine.recordsReplayed(), "only the commit after the flush is replayed");
        }
    }

    @Test
    void everyTableTheGoldenManifestNamesVerifies() throws Exception {
        copyGolden();
        ManifestState state = Manifest.read(data.resolve("manifest"));
        assertEquals(List.of("new", "table", "table.index"), List.copyOf(state.keyspaces().keySet()));
        int tables = 0;
        for (KeyspaceEntry keyspace : state.keyspaces().values()) {
            for (TableEntry entry : keyspace.tables()) {
                SortedTable table = SortedTable.open(data.resolve("tables").resolve(Long.toString(keyspace.id()))
                        .resolve(SortedTableFiles.fileName(entry.generation())), null);
                try {
                    table.verify();
                } finally {
                    table.release();
                }
                tables++;
            }
        }
        assertEquals(4, tables);
        assertEquals(3, state.firstSegmentId(), "above the format-1 segment 2");
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
