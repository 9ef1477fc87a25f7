package io.modyn.storage.file.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import io.modyn.storage.file.lifecycle.FormatVersion;
import io.modyn.storage.file.record.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
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

    /**
     * Walks the golden manifest by the layout FORMAT.md documents, without the codec: the page
     * describes these bytes, not just some bytes the code happens to read back.
     */
    @Test
    void theGoldenManifestIsTheDocumentedLayout() throws IOException {
        ByteBuffer in = ByteBuffer.wrap(resource(MANIFEST));
        byte[] magic = new byte[8];
        in.get(magic);
        assertEquals("MDYNMANF", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, in.getInt(), "manifest version");
        assertEquals(1, in.getLong(), "the number in the file name");
        CRC32C crc = new CRC32C();
        crc.update(in.array(), 0, 20);
        assertEquals((int) crc.getValue(), in.getInt());

        List<ByteBuffer> edits = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            int checksum = in.getInt();
            byte[] payload = new byte[length];
            in.get(payload);
            crc.reset();
            crc.update(ByteBuffer.allocate(4).putInt(length).array());
            crc.update(payload);
            assertEquals((int) crc.getValue(), checksum, "frame checksum covers length and payload");
            edits.add(ByteBuffer.wrap(payload));
        }
        assertEquals(10, edits.size(), "generations 2 and 3 come from the reserved block: no edit");

        ByteBuffer snapshot = edits.get(0);
        assertEquals(1, snapshot.get(), "SNAPSHOT");
        assertEquals(0, snapshot.getLong(), "firstSegmentId");
        assertEquals(1, snapshot.getLong(), "nextGeneration");
        assertEquals(1, snapshot.getLong(), "nextKeyspaceId");
        assertEquals(0, snapshot.getInt(), "keyspaceCount");

        ByteBuffer starts = edits.get(1);
        assertEquals(7, starts.get(), "COMMIT_LOG_STARTS");
        assertEquals(3, starts.getLong());

        ByteBuffer created = edits.get(2);
        assertEquals(2, created.get(), "KEYSPACE_CREATED");
        assertEquals("table", name(created));
        assertEquals(1, created.getLong(), "id");
        assertEquals(3L << 32 | 124, created.getLong(), "createdAtSequence: segment high, offset low");

        ByteBuffer reserved = edits.get(3);
        assertEquals(6, reserved.get(), "GENERATIONS_RESERVED");
        assertEquals(65, reserved.getLong(), "a block of 64 from 1");

        ByteBuffer flushed = edits.get(4);
        assertEquals(4, flushed.get(), "FLUSHED");
        assertEquals("table", name(flushed));
        assertEquals(3, flushed.getLong(), "flushedUpTo segment");
        assertEquals(4096, flushed.getLong(), "flushedUpTo offset");
        assertEquals(1, flushed.getInt(), "tableCount");
        assertEquals(1, flushed.getLong(), "generation");
        assertEquals(0, flushed.get(), "level");

        ByteBuffer createdAgain = edits.get(5);
        assertEquals(2, createdAgain.get());
        assertEquals("dropped", name(createdAgain));
        assertEquals(2, createdAgain.getLong());
        assertEquals(3L << 32 | 5000, createdAgain.getLong());

        ByteBuffer emptyFlush = edits.get(6);
        assertEquals(4, emptyFlush.get());
        assertEquals("dropped", name(emptyFlush));
        assertEquals(3, emptyFlush.getLong());
        assertEquals(5100, emptyFlush.getLong());
        assertEquals(0, emptyFlush.getInt(), "a flush of an empty memtable adds no table");

        ByteBuffer dropped = edits.get(7);
        assertEquals(3, dropped.get(), "KEYSPACE_DROPPED");
        assertEquals("dropped", name(dropped));
        assertEquals(4L << 32 | 60, dropped.getLong());

        ByteBuffer flushedAgain = edits.get(8);
        assertEquals(4, flushedAgain.get());
        assertEquals("table", name(flushedAgain));
        assertEquals(4, flushedAgain.getLong());
        assertEquals(900, flushedAgain.getLong());
        assertEquals(1, flushedAgain.getInt());
        assertEquals(2, flushedAgain.getLong());
        assertEquals(0, flushedAgain.get());

        ByteBuffer replaced = edits.get(9);
        assertEquals(5, replaced.get(), "REPLACED");
        assertEquals("table", name(replaced));
        assertEquals(2, replaced.getInt(), "removedCount");
        assertEquals(1, replaced.getLong());
        assertEquals(2, replaced.getLong());
        assertEquals(1, replaced.getInt(), "addedCount");
        assertEquals(3, replaced.getLong(), "generation");
        assertEquals(1, replaced.get(), "level");
        for (ByteBuffer edit : edits) assertEquals(0, edit.remaining(), "nothing after an edit's fields");
    }

    private static String name(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort() & 0xffff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
