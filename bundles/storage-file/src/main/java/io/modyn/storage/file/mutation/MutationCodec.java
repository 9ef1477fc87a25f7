package io.modyn.storage.file.mutation;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a batch of mutations, the payload of one commit-log record (FORMAT.md):
 * {@code version:u8 | count:int32 | mutation*}, each mutation
 * {@code kind:u8 | keyspace:u16-length ASCII | [partition, sort: int32-length bytes] | [value: int32-length bytes]}.
 * Encoding computes the exact size first and fills one array, so a commit costs one allocation.
 */
public final class MutationCodec {

    private static final byte VERSION = 1;

    private MutationCodec() {
    }

    public static byte[] encode(List<Mutation> batch) {
        int size = 1 + 4;
        for (Mutation mutation : batch) size += encodedSize(mutation);
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putInt(batch.size());
        for (Mutation mutation : batch) {
            out.put(mutation.kind().code);
            String keyspace = mutation.keyspace();
            out.putShort((short) keyspace.length());
            // Keyspace names are ASCII (validated on create), so chars are bytes.
            for (int i = 0; i < keyspace.length(); i++) out.put((byte) keyspace.charAt(i));
            if (mutation.hasKey()) {
                putBytes(out, mutation.partition());
                putBytes(out, mutation.sort());
            }
            if (mutation.kind() == Mutation.Kind.PUT) putBytes(out, mutation.value());
        }
        return out.array();
    }

    /** The bytes a mutation takes in a batch. */
    public static int encodedSize(Mutation mutation) {
        int size = 1 + 2 + mutation.keyspace().length();
        if (mutation.hasKey()) size += 4 + mutation.partition().length + 4 + mutation.sort().length;
        if (mutation.kind() == Mutation.Kind.PUT) size += 4 + mutation.value().length;
        return size;
    }

    /** @throws IllegalArgumentException if the payload is not a batch this version wrote */
    public static List<Mutation> decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            byte version = in.get();
            if (version != VERSION) throw new IllegalArgumentException("unsupported mutation batch version " + version);
            int count = in.getInt();
            if (count < 0 || count > payload.length) throw new IllegalArgumentException("invalid mutation count " + count);
            List<Mutation> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) batch.add(decodeOne(in));
            if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " trailing bytes after the batch");
            return batch;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("mutation batch is truncated", e);
        }
    }

    private static Mutation decodeOne(ByteBuffer in) {
        Mutation.Kind kind = Mutation.Kind.ofCode(in.get());
        byte[] name = new byte[in.getShort() & 0xffff];
        in.get(name);
        String keyspace = new String(name, StandardCharsets.US_ASCII);
        return switch (kind) {
            case CREATE_KEYSPACE -> Mutation.createKeyspace(keyspace);
            case DROP_KEYSPACE -> Mutation.dropKeyspace(keyspace);
            case PUT -> Mutation.put(keyspace, getBytes(in), getBytes(in), getBytes(in));
            case DELETE -> Mutation.delete(keyspace, getBytes(in), getBytes(in));
        };
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        out.putInt(bytes.length).put(bytes);
    }

    private static byte[] getBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("invalid length " + length);
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
