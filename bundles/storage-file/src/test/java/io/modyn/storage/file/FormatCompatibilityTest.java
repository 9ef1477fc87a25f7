package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.contents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.storage.file.commitlog.CommitLogReplayer;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files: a data directory written by format version 1 (FORMAT.md), kept in test resources.
 * Every later version must still open it with the same content, and must still write records the
 * same way until the format version changes.
 */
class FormatCompatibilityTest {

    private static final String GOLDEN = "golden/v1/";
    private static final String SEGMENT = "commitlog/commitlog-00000000000000000002.log";
    private static final String SNAPSHOT = "snapshots/snapshot-00000000000000000002.db";

    @TempDir
    Path data;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FormatCompatibilityTest.class.getClassLoader().getResourceAsStream(GOLDEN + name)) {
            return in.readAllBytes();
        }
    }

    private void copyGolden() throws IOException {
        for (String file : List.of(SEGMENT, SNAPSHOT)) {
            Files.createDirectories(data.resolve(file).getParent());
            Files.write(data.resolve(file), resource(file));
        }
    }

    @Test
    void version1DataDirectoryOpensWithItsContent() throws IOException {
        copyGolden();
        try (FileStorageEngine engine = FileStorageEngine.open(FileStorageOptions.defaults(data))) {
            assertEquals(List.of("alice/2024=in snapshot", "bob/=from commit log"), sorted(contents(engine, "table")));
            assertArrayEquals(new byte[] {0, (byte) 0xff}, engine.get("table.index", "idx".getBytes(), "alice".getBytes()));
            assertFalse(engine.keyspaceExists("dropped"));
            assertTrue(engine.keyspaceExists("table.index"));
        }
    }

    @Test
    void commitsAreStillEncodedAsVersion1() throws IOException {
        Path segment = data.resolve("segment");
        Files.createDirectories(segment);
        Files.write(segment.resolve("commitlog-00000000000000000002.log"), resource(SEGMENT));
        List<byte[]> payloads = new ArrayList<>();
        CommitLogReplayer.replay(segment, 0, (payload, position) -> payloads.add(payload));

        List<Mutation> secondCommit = List.of(
                Mutation.delete("table", "carol".getBytes(), "x".getBytes()),
                Mutation.put("table.index", "idx".getBytes(), "alice".getBytes(), new byte[] {0, (byte) 0xff}));
        assertEquals(3, payloads.size());
        assertArrayEquals(payloads.get(1), MutationCodec.encode(secondCommit));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
