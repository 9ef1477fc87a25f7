package io.modyn.storage.file.sstable;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The first 24 bytes of a table, laid out like every other file of the storage: the magic
 * {@code MDYNSSTB}, the format version, the generation, and a CRC32C of those 20 bytes.
 */
final class TableHeader {

    static final int SIZE = 24;
    /** The storage format version that introduced sorted tables. */
    static final int VERSION = 2;
    static final byte[] MAGIC = {'M', 'D', 'Y', 'N', 'S', 'S', 'T', 'B'};

    private TableHeader() {
    }

    static ByteBuffer encode(long generation) {
        ByteBuffer header = ByteBuffer.allocate(SIZE);
        header.put(MAGIC).putInt(VERSION).putLong(generation);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, SIZE - 4);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /** The generation the header carries. @throws IllegalArgumentException naming what does not check out */
    static long decode(byte[] bytes) {
        ByteBuffer header = ByteBuffer.wrap(bytes);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) throw new IllegalArgumentException("no header magic");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, SIZE - 4);
        if ((int) crc.getValue() != header.getInt(SIZE - 4)) throw new IllegalArgumentException("CRC mismatch");
        checkVersion(header.getInt(MAGIC.length));
        return header.getLong(MAGIC.length + 4);
    }

    static void checkVersion(int version) {
        if (version != VERSION) {
            throw new IllegalArgumentException("format version " + version + (version > VERSION ? ", of a newer Modyn," : "")
                    + " where this reader knows version " + VERSION);
        }
    }
}
