package io.modyn.storage.file.lifecycle;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.FileHeader;
import io.modyn.storage.file.commitlog.OwnerOnly;
import io.modyn.storage.file.commitlog.RecordFrame;
import io.modyn.storage.file.memtable.Memtable;
import io.modyn.storage.file.mutation.Mutation;
import io.modyn.storage.file.mutation.MutationCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes a snapshot of memtables in the commit log's own record format: a header, then frames of
 * mutation batches (a keyspace creation followed by puts of its records), then an empty batch
 * that marks the end. Loading a snapshot is therefore replaying it. The file is written under a
 * temporary name, fsynced, renamed atomically and the directory fsynced, so a crash at any point
 * leaves either the old snapshot or the new one, never a partial one under a final name.
 */
final class SnapshotWriter {

    /** Batches are cut at about this size: big enough to amortise framing, small enough to buffer. */
    private static final int BATCH_BYTES = 1 << 20;

    private final OutputStream out;
    private final CRC32C crc = new CRC32C();
    private final List<Mutation> batch = new ArrayList<>();
    private int batchBytes;

    private SnapshotWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes and publishes {@code snapshot-<replayFromSegment>.db}; returns its path. */
    static Path write(Path directory, long replayFromSegment, Collection<Memtable> memtables) throws IOException {
        Path temporary = SnapshotFile.temporary(directory, replayFromSegment);
        try (FileChannel channel = OwnerOnly.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            out.write(FileHeader.encode(SnapshotFile.MAGIC, replayFromSegment).array());
            SnapshotWriter writer = new SnapshotWriter(out);
            for (Memtable memtable : memtables) writer.add(memtable);
            writer.flushBatch();
            RecordFrame.write(out, MutationCodec.encode(List.of()), writer.crc);
            out.flush();
            channel.force(true);
        }
        Path snapshot = SnapshotFile.path(directory, replayFromSegment);
        Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.sync(directory);
        return snapshot;
    }

    private void add(Memtable memtable) throws IOException {
        String keyspace = memtable.keyspace();
        append(Mutation.createKeyspace(keyspace));
        for (Iterator<Map.Entry<OrderedKey, byte[]>> records = memtable.records(); records.hasNext(); ) {
            Map.Entry<OrderedKey, byte[]> record = records.next();
            append(Mutation.put(keyspace, record.getKey().partition(), record.getKey().sort(), record.getValue()));
        }
    }

    private void append(Mutation mutation) throws IOException {
        batch.add(mutation);
        batchBytes += MutationCodec.encodedSize(mutation);
        if (batchBytes >= BATCH_BYTES) flushBatch();
    }

    private void flushBatch() throws IOException {
        if (batch.isEmpty()) return;
        RecordFrame.write(out, MutationCodec.encode(batch), crc);
        batch.clear();
        batchBytes = 0;
    }
}
