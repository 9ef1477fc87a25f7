package io.modyn.storage.file.sstable;

import java.util.Arrays;

/** A growable big-endian byte buffer: blocks and sections are built in one before they are written. */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    /** Drops a buffer grown far past the usual size by a huge record, so one 16 MB value does not stay pinned. */
    void shrinkTo(int capacity) {
        if (bytes.length > 2 * capacity) bytes = new byte[capacity];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) size + more, (long) bytes.length * 2);
            if (wanted > Integer.MAX_VALUE - 8) {
                if ((long) size + more > Integer.MAX_VALUE - 8) throw new IllegalStateException("a block or section over 2 GiB");
                wanted = Integer.MAX_VALUE - 8;
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    void putByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void putInt(int v) {
        ensure(4);
        Bytes.putInt(bytes, size, v);
        size += 4;
    }

    void putLong(long v) {
        ensure(8);
        Bytes.putLong(bytes, size, v);
        size += 8;
    }

    void put(byte[] source) {
        ensure(source.length);
        System.arraycopy(source, 0, bytes, size, source.length);
        size += source.length;
    }

    /** A length-prefixed byte string: int32 length, then the bytes. */
    void putBytes(byte[] source) {
        putInt(source.length);
        put(source);
    }
}
