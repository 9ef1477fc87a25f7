package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import java.nio.ByteBuffer;

/**
 * A key as the index and statistics sections write it: {@code token:int64 | partitionLength:int32 |
 * partition | sortLength:int32 | sort}. The token is stored, not recomputed, so a reader orders
 * keys exactly as the writer did.
 */
final class KeyFormat {

    private KeyFormat() {
    }

    static void write(ByteSink out, OrderedKey key) {
        out.putLong(key.token());
        out.putBytes(key.partition());
        out.putBytes(key.sort());
    }

    static OrderedKey read(ByteBuffer in) {
        long token = in.getLong();
        byte[] partition = readBytes(in);
        byte[] sort = readBytes(in);
        return new OrderedKey(token, partition, sort);
    }

    static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new IllegalArgumentException("byte string of " + length + " bytes, " + in.remaining() + " left");
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
