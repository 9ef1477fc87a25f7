package io.modyn.engine.stream;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.item.ItemCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stored form of a stream record (the sequence number is the record's key, not part of it):
 *
 * <pre>
 *   record := version(1) createdMillis(8) event(1: I, M, R) flags(1: bit 0 = by service)
 *             sizeBytes(8) item(keys) [item(old)] [item(new)]
 *   item   := length(4) ItemCodec bytes       (old and new behind the flags bits 1 and 2)
 * </pre>
 * The creation time comes first so that retention can read it without decoding images.
 */
final class StoredChangeCodec {

    private static final int VERSION = 1;
    private static final int BY_SERVICE = 1, HAS_OLD = 2, HAS_NEW = 4;

    private StoredChangeCodec() {
    }

    static byte[] encode(StoredChange change) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeLong(change.createdMillis());
            out.writeByte(change.eventName().charAt(0));
            int flags = (change.byService() ? BY_SERVICE : 0) | (change.oldImage() != null ? HAS_OLD : 0)
                    | (change.newImage() != null ? HAS_NEW : 0);
            out.writeByte(flags);
            out.writeLong(change.sizeBytes());
            writeItem(out, change.keys());
            if (change.oldImage() != null) writeItem(out, change.oldImage());
            if (change.newImage() != null) writeItem(out, change.newImage());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredChange decode(long sequence, byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalStateException("unknown stream record version " + version);
            long created = in.readLong();
            String eventName = switch (in.readUnsignedByte()) {
                case 'I' -> StoredChange.INSERT;
                case 'M' -> StoredChange.MODIFY;
                case 'R' -> StoredChange.REMOVE;
                default -> throw new IllegalStateException("unknown stream event");
            };
            int flags = in.readUnsignedByte();
            long size = in.readLong();
            Map<String, AttributeValue> keys = readItem(in);
            Map<String, AttributeValue> oldImage = (flags & HAS_OLD) != 0 ? readItem(in) : null;
            Map<String, AttributeValue> newImage = (flags & HAS_NEW) != 0 ? readItem(in) : null;
            return new StoredChange(sequence, eventName, created, (flags & BY_SERVICE) != 0, keys, oldImage, newImage, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The creation time of a stored record, read without decoding the rest. */
    static long createdMillis(byte[] bytes) {
        long created = 0;
        for (int i = 1; i <= 8; i++) created = (created << 8) | (bytes[i] & 0xff);
        return created;
    }

    private static void writeItem(DataOutputStream out, Map<String, AttributeValue> item) throws IOException {
        byte[] encoded = ItemCodec.encode(item);
        out.writeInt(encoded.length);
        out.write(encoded);
    }

    private static Map<String, AttributeValue> readItem(DataInputStream in) throws IOException {
        byte[] encoded = new byte[in.readInt()];
        in.readFully(encoded);
        return ItemCodec.decode(encoded);
    }
}
