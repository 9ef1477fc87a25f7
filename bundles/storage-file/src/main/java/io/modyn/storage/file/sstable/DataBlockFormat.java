package io.modyn.storage.file.sstable;

import java.util.zip.CRC32C;

/**
 * A data block as stored in the file: {@code compression:u8 | uncompressedLength:int32 |
 * storedLength:int32 | stored bytes | crc:int32}, the CRC32C covering everything before it. The
 * lengths are checked before anything is allocated from them, and the CRC before anything is
 * decompressed.
 */
final class DataBlockFormat {

    static final int HEADER = 9;
    static final int OVERHEAD = HEADER + 4;

    private DataBlockFormat() {
    }

    /** The stored form of an uncompressed block; kept uncompressed when compression would not shrink it. */
    static byte[] encode(byte[] block, int length, Compression compression) {
        byte[] stored = new byte[OVERHEAD + Math.max(length, compression.maxCompressedLength(length))];
        int storedLength = compression.compress(block, length, stored, HEADER);
        Compression used = compression;
        if (storedLength >= length) {
            used = Compression.NONE;
            storedLength = Compression.NONE.compress(block, length, stored, HEADER);
        }
        stored[0] = (byte) used.id();
        Bytes.putInt(stored, 1, length);
        Bytes.putInt(stored, 5, storedLength);
        CRC32C crc = new CRC32C();
        crc.update(stored, 0, HEADER + storedLength);
        Bytes.putInt(stored, HEADER + storedLength, (int) crc.getValue());
        return stored.length == OVERHEAD + storedLength ? stored : java.util.Arrays.copyOf(stored, OVERHEAD + storedLength);
    }

    /**
     * The uncompressed block from its stored bytes.
     *
     * @throws IllegalArgumentException naming what does not check out
     */
    static byte[] decode(byte[] stored, int maxUncompressed) {
        if (stored.length < OVERHEAD) throw new IllegalArgumentException("block of " + stored.length + " bytes is shorter than its header");
        int storedLength = Bytes.getInt(stored, 5);
        if (storedLength != stored.length - OVERHEAD) throw new IllegalArgumentException("stored length " + storedLength + " does not match the index");
        CRC32C crc = new CRC32C();
        crc.update(stored, 0, stored.length - 4);
        if ((int) crc.getValue() != Bytes.getInt(stored, stored.length - 4)) throw new IllegalArgumentException("CRC mismatch");
        Compression compression = Compression.ofId(stored[0] & 0xff);
        if (compression == null) throw new IllegalArgumentException("unknown compression id " + (stored[0] & 0xff));
        int length = Bytes.getInt(stored, 1);
        if (length < 4 || length > maxUncompressed) throw new IllegalArgumentException("uncompressed length " + length + " out of range");
        byte[] block = new byte[length];
        compression.decompress(stored, HEADER, storedLength, block);
        return block;
    }
}
