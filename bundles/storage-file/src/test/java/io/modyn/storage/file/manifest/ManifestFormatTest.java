package io.modyn.storage.file.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.lifecycle.FormatVersion;
import io.modyn.storage.file.record.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files of format 2 (FORMAT.md "FORMAT file" and "Manifest"), kept in test resources: a
 * manifest written by the edits below. Every later version must still read it with the same
 * state, and must write those edits with the same bytes until the manifest version changes.
 */
class ManifestFormatTest {

    private static final String GOLDEN = "golden/v2/";
    private static final String MANIFEST = "manifest/manifest-00000000000000000001.log";

    @TempDir
    Path data;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ManifestFormatTest.class.getClassLoader().getResourceAsStream(GOLDEN + name)) {
            return in.readAllBytes();
        }
    }

    private static CommitLogPosition at(long segment, long offset) {
        return new CommitLogPosition(segment, offset);
    }

    /** The edits the golden manifest holds, after its initial snapshot of the empty state. */
    private static void writeGoldenEdits(Manifest manifest) throws IOException {
        manifest.commitLogStartsAt(3);
        manifest.keyspaceCreated("table", 1, Sequence.of(at(3, 124)));
        long first = manifest.allocateGeneration();
        manifest.flushed("table", new TableEntry(first, 0), at(3, 4096));
        manifest.keyspaceCreated("dropped", 2, Sequence.of(at(3, 5000)));
        manifest.flushed("dropped", null, at(3, 5100));
        manifest.keyspaceDropped("dropped", Sequence.of(at(4, 60)));
        long second = manifest.allocateGeneration();
        manifest.flushed("table", new TableEntry(second, 0), at(4, 900));
        long third = manifest.allocateGeneration();
        manifest.replaced("table", List.of(first, second), List.of(new TableEntry(third, 1)));
    }

    @Test
    void goldenManifestOpensWithItsState() throws IOException {
        Path directory = data.resolve("manifest");
        Files.createDirectories(directory);
        Files.write(data.resolve(MANIFEST), resource(MANIFEST));
        try (Manifest manifest = Manifest.open(directory)) {
            ManifestState state = manifest.state();
            assertEquals(List.of("table"), List.copyOf(state.keyspaces().keySet()));
            KeyspaceEntry table = state.keyspace("table");
            assertEquals(1, table.id());
            assertEquals(Sequence.of(at(3, 124)), table.createdAtSequence());
            assertEquals(at(4, 900), table.flushedUpTo());
            assertEquals(List.of(new TableEntry(3, 1)), table.tables());
            assertNull(state.keyspace("dropped"));
            assertEquals(3, state.nextKeyspaceId());
            assertEquals(3, state.firstSegmentId());
            // Generations 1 to 64 were reserved by one edit; a restart continues after the block.
            assertEquals(65, state.nextGeneration());
            assertEquals(65, manifest.allocateGeneration());
        }
    }

    @Test
    void theGoldenEditsAreStillWrittenWithTheSameBytes() throws IOException {
        Path directory = data.resolve("manifest");
        try (Manifest manifest = Manifest.open(directory)) {
            writeGoldenEdits(manifest);
        }
        assertArrayEquals(resource(MANIFEST), Files.readAllBytes(data.resolve(MANIFEST)));
    }

    @Test
    void goldenFormatFileIsTheCurrentFormat() throws IOException {
        Files.write(data.resolve("FORMAT"), resource("FORMAT"));
        assertEquals("modyn-storage-file 2\n", Files.readString(data.resolve("FORMAT")));
        assertEquals(FormatVersion.CURRENT, FormatVersion.check(data));
    }
}
