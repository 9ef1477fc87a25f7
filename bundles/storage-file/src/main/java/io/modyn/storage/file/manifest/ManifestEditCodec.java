package io.modyn.storage.file.manifest;

import io.modyn.storage.file.commitlog.CommitLogPosition;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a manifest edit, the payload of one manifest frame (FORMAT.md "Manifest"):
 * {@code kind:u8} and the kind's fields, big-endian; names as {@code length:u16 | ASCII}, positions
 * as {@code segment:int64 | offset:int64}, tables as {@code generation:int64 | level:u8}.
 */
final class ManifestEditCodec {

    static final int SNAPSHOT = 1;
    static final int KEYSPACE_CREATED = 2;
    static final int KEYSPACE_DROPPED = 3;
    static final int FLUSHED = 4;
    static final int REPLACED = 5;
    static final int GENERATIONS_RESERVED = 6;
    static final int COMMIT_LOG_STARTS = 7;

    private ManifestEditCodec() {
    }

    static byte[] encode(ManifestEdit edit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (edit instanceof ManifestEdit.Snapshot snapshot) {
                ManifestState state = snapshot.state();
                out.writeByte(SNAPSHOT);
                out.writeLong(state.firstSegmentId());
                out.writeLong(state.nextGeneration());
                out.writeLong(state.nextKeyspaceId());
                out.writeInt(state.keyspaces().size());
                for (KeyspaceEntry keyspace : state.keyspaces().values()) {
                    writeName(out, keyspace.name());
                    out.writeLong(keyspace.id());
                    out.writeLong(keyspace.createdAtSequence());
                    writePosition(out, keyspace.flushedUpTo());
                    writeTables(out, keyspace.tables());
                }
            } else if (edit instanceof ManifestEdit.KeyspaceCreated created) {
                out.writeByte(KEYSPACE_CREATED);
                writeName(out, created.name());
                out.writeLong(created.id());
                out.writeLong(created.createdAtSequence());
            } else if (edit instanceof ManifestEdit.KeyspaceDropped dropped) {
                out.writeByte(KEYSPACE_DROPPED);
                writeName(out, dropped.name());
                out.writeLong(dropped.droppedAtSequence());
            } else if (edit instanceof ManifestEdit.Flushed flushed) {
                out.writeByte(FLUSHED);
                writeName(out, flushed.name());
                writePosition(out, flushed.flushedUpTo());
                writeTables(out, flushed.added() == null ? List.of() : List.of(flushed.added()));
            } else if (edit instanceof ManifestEdit.Replaced replaced) {
                out.writeByte(REPLACED);
                writeName(out, replaced.name());
                out.writeInt(replaced.removedGenerations().size());
                for (long generation : replaced.removedGenerations()) out.writeLong(generation);
                writeTables(out, replaced.added());
            } else if (edit instanceof ManifestEdit.GenerationsReserved reserved) {
                out.writeByte(GENERATIONS_RESERVED);
                out.writeLong(reserved.upTo());
            } else if (edit instanceof ManifestEdit.CommitLogStarts starts) {
                out.writeByte(COMMIT_LOG_STARTS);
                out.writeLong(starts.segmentId());
            } else {
                throw new IllegalArgumentException("unknown manifest edit " + edit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the payload is not an edit this version wrote */
    static ManifestEdit decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            int kind = in.get() & 0xff;
            ManifestEdit edit = switch (kind) {
                case SNAPSHOT -> snapshot(in);
                case KEYSPACE_CREATED -> new ManifestEdit.KeyspaceCreated(readName(in), in.getLong(), in.getLong());
                case KEYSPACE_DROPPED -> new ManifestEdit.KeyspaceDropped(readName(in), in.getLong());
                case FLUSHED -> flushed(in);
                case REPLACED -> replaced(in);
                case GENERATIONS_RESERVED -> new ManifestEdit.GenerationsReserved(in.getLong());
                case COMMIT_LOG_STARTS -> new ManifestEdit.CommitLogStarts(in.getLong());
                default -> throw new IllegalArgumentException("unknown manifest edit kind " + kind);
            };
            if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " trailing bytes after a manifest edit of kind " + kind);
            return edit;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("manifest edit is truncated", e);
        }
    }

    private static ManifestEdit snapshot(ByteBuffer in) {
        long firstSegmentId = in.getLong();
        long nextGeneration = in.getLong();
        long nextKeyspaceId = in.getLong();
        int count = count(in);
        Map<String, KeyspaceEntry> keyspaces = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            KeyspaceEntry keyspace = new KeyspaceEntry(readName(in), in.getLong(), in.getLong(), readPosition(in), readTables(in));
            if (keyspaces.put(keyspace.name(), keyspace) != null) throw new IllegalArgumentException("keyspace " + keyspace.name() + " twice");
        }
        return new ManifestEdit.Snapshot(new ManifestState(keyspaces, nextGeneration, nextKeyspaceId, firstSegmentId));
    }

    private static ManifestEdit flushed(ByteBuffer in) {
        String name = readName(in);
        CommitLogPosition flushedUpTo = readPosition(in);
        List<TableEntry> tables = readTables(in);
        if (tables.size() > 1) throw new IllegalArgumentException("a flush adds at most one table, not " + tables.size());
        return new ManifestEdit.Flushed(name, flushedUpTo, tables.isEmpty() ? null : tables.get(0));
    }

    private static ManifestEdit replaced(ByteBuffer in) {
        String name = readName(in);
        int count = count(in);
        List<Long> removed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) removed.add(in.getLong());
        return new ManifestEdit.Replaced(name, removed, readTables(in));
    }

    private static void writeName(DataOutputStream out, String name) throws IOException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 0xffff) throw new IllegalArgumentException("keyspace name too long");
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String readName(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort() & 0xffff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static void writePosition(DataOutputStream out, CommitLogPosition position) throws IOException {
        out.writeLong(position.segmentId());
        out.writeLong(position.offset());
    }

    private static CommitLogPosition readPosition(ByteBuffer in) {
        return new CommitLogPosition(in.getLong(), in.getLong());
    }

    private static void writeTables(DataOutputStream out, List<TableEntry> tables) throws IOException {
        out.writeInt(tables.size());
        for (TableEntry table : tables) {
            out.writeLong(table.generation());
            out.writeByte(table.level());
        }
    }

    private static List<TableEntry> readTables(ByteBuffer in) {
        int count = count(in);
        List<TableEntry> tables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) tables.add(new TableEntry(in.getLong(), in.get() & 0xff));
        return tables;
    }

    /** A count, checked against what is left so that garbage cannot make us allocate a huge list. */
    private static int count(ByteBuffer in) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) throw new IllegalArgumentException("invalid count " + count);
        return count;
    }
}
