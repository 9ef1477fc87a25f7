package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.OwnerOnly;
import io.modyn.storage.file.commitlog.RecordFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One manifest file open for appending: each edit is one frame ({@link RecordFrame}), written and
 * fsynced before {@link #append} returns. A failed append truncates the file back to its last
 * whole edit, so that no later edit lands behind garbage that replay would stop at.
 */
final class ManifestLog implements AutoCloseable {

    private final Path path;
    private final long number;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private long size;

    private ManifestLog(Path path, long number, FileChannel channel, long size) {
        this.path = path;
        this.number = number;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Writes a new manifest file holding one snapshot of the state, durably and atomically: a
     * temporary file, fsync, rename, directory fsync. Returns it open for appending.
     */
    static ManifestLog create(Path directory, long number, ManifestState state) throws IOException {
        Path temporary = ManifestFile.temporary(directory, number);
        try (FileChannel out = OwnerOnly.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(out, FileHeader.encode(ManifestFile.MAGIC, number));
            writeFully(out, frame(ManifestEditCodec.encode(new ManifestEdit.Snapshot(state)), new CRC32C()));
            out.force(true);
        }
        Path path = ManifestFile.path(directory, number);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.sync(directory);
        return openForAppend(path, number, Files.size(path));
    }

    /** Opens an existing manifest file to append after its first {@code validEnd} bytes, cutting anything after them. */
    static ManifestLog openForAppend(Path path, long number, long validEnd) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            if (channel.size() > validEnd) {
                channel.truncate(validEnd);
                channel.force(true);
            }
            channel.position(validEnd);
            return new ManifestLog(path, number, channel, validEnd);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    void append(byte[] payload) throws IOException {
        long before = size;
        try {
            writeFully(channel, frame(payload, crc));
            channel.force(false);
            size = channel.position();
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
                channel.force(true);
            } catch (IOException cannotUndo) {
                e.addSuppressed(cannotUndo);
                throw new ManifestFailedException(path, e);
            }
            throw e;
        }
    }

    private static ByteBuffer frame(byte[] payload, CRC32C crc) {
        ByteBuffer frame = ByteBuffer.allocate(RecordFrame.HEADER_SIZE + payload.length);
        RecordFrame.writeHeader(frame, payload, crc);
        frame.put(payload);
        return frame.flip();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) channel.write(buffer);
    }

    Path path() {
        return path;
    }

    long number() {
        return number;
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
