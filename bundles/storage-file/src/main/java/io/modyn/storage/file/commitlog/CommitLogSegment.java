package io.modyn.storage.file.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One commit-log file, {@code commitlog-<id>.log}: a {@link FileHeader} and then frames appended
 * until the segment reaches its size target. Only the writer thread touches an open segment.
 */
public final class CommitLogSegment implements AutoCloseable {

    static final byte[] MAGIC = "MDYNCLOG".getBytes(StandardCharsets.US_ASCII);
    private static final NumberedFileName NAME = new NumberedFileName("commitlog-", ".log");

    private final long id;
    private final FileChannel channel;
    private long size;

    private CommitLogSegment(long id, FileChannel channel, long size) {
        this.id = id;
        this.channel = channel;
        this.size = size;
    }

    /** Creates a new segment with its header, durable (file and directory entry) when this returns. */
    static CommitLogSegment create(Path directory, long id) throws IOException {
        Path path = directory.resolve(fileName(id));
        FileChannel channel = OwnerOnly.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = FileHeader.encode(MAGIC, id);
            while (header.hasRemaining()) channel.write(header);
            channel.force(true);
            DirectorySync.sync(directory);
            return new CommitLogSegment(id, channel, FileHeader.SIZE);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public static String fileName(long id) {
        return NAME.of(id);
    }

    /** The id in a segment's file name, or -1 if the name is not a segment's. */
    public static long idOf(Path path) {
        return NAME.numberOf(path.getFileName().toString());
    }

    /** The segment files in a directory, oldest first. */
    public static List<Path> list(Path directory) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(p -> idOf(p) >= 0).forEach(segments::add);
        }
        segments.sort((a, b) -> Long.compare(idOf(a), idOf(b)));
        return segments;
    }

    /** Deletes the segments older than the given one. */
    public static void deleteBefore(Path directory, long segmentId) throws IOException {
        for (Path segment : list(directory)) {
            if (idOf(segment) < segmentId) Files.deleteIfExists(segment);
        }
    }

    long id() {
        return id;
    }

    long size() {
        return size;
    }

    void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) size += channel.write(buffer);
    }

    void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
