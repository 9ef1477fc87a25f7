package io.modyn.storage.file.upgrade;

import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.RecordFrame;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes format-1 files by the layout FORMAT.md documents for version 1 (header, frames, mutation
 * batches), independently of any engine, so upgrade tests can build old directories of any shape.
 */
final class LegacyDirectory {

    private static final byte[] SEGMENT_MAGIC = "MDYNCLOG".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT_MAGIC = "MDYNSNAP".getBytes(StandardCharsets.US_ASCII);

    private LegacyDirectory() {
    }

    /** A segment {@code commitlog/commitlog-<id>.log} holding one frame per batch. */
    static Path segment(Path root, long id, List<List<Mutation>> batches) throws IOException {
        Path file = root.resolve("commitlog").resolve(String.format("commitlog-%020d.log", id));
        Files.createDirectories(file.getParent());
        Files.write(file, framed(SEGMENT_MAGIC, id, batches));
        return file;
    }

    /** A complete snapshot {@code snapshots/snapshot-<segment>.db}: the batches, then the empty end marker. */
    static Path snapshot(Path root, long replayFromSegment, List<List<Mutation>> batches) throws IOException {
        Path file = root.resolve("snapshots").resolve(String.format("snapshot-%020d.db", replayFromSegment));
        Files.createDirectories(file.getParent());
        List<List<Mutation>> withEnd = new java.util.ArrayList<>(batches);
        withEnd.add(List.of());
        Files.write(file, framed(SNAPSHOT_MAGIC, replayFromSegment, withEnd));
        return file;
    }

    private static byte[] framed(byte[] magic, long id, List<List<Mutation>> batches) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FileHeader.encode(magic, id).array());
        CRC32C crc = new CRC32C();
        for (List<Mutation> batch : batches) RecordFrame.write(out, MutationCodec.encode(batch), crc);
        return out.toByteArray();
    }

    /** Copies the golden format-1 data directory of the test resources. */
    static void copyGolden(Path target) throws IOException {
        for (String file : List.of("commitlog/commitlog-00000000000000000002.log", "snapshots/snapshot-00000000000000000002.db")) {
            Files.createDirectories(target.resolve(file).getParent());
            try (InputStream in = LegacyDirectory.class.getClassLoader().getResourceAsStream("golden/v1/" + file)) {
                Files.write(target.resolve(file), in.readAllBytes());
            }
        }
    }
}
