package io.modyn.storage.file.commitlog;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The fixed 24-byte header of every file the storage writes: an 8-byte magic naming the file's
 * kind, a format version, the file's id, and a CRC32C of those 20 bytes. A file whose header does
 * not check out is never read further.
 */
public final class FileHeader {

    public static final int SIZE = 24;
    public static final int VERSION = 1;

    private FileHeader() {
    }

    public static ByteBuffer encode(byte[] magic, long id) {
        ByteBuffer header = ByteBuffer.allocate(SIZE);
        header.put(magic).putInt(VERSION).putLong(id);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, SIZE - 4);
        header.putInt((int) crc.getValue());
        return header.flip();
    }

    /** Reads and checks a header, returning the file's id. */
    public static long read(InputStream in, byte[] magic) throws IOException {
        byte[] bytes = new byte[SIZE];
        try {
            new DataInputStream(in).readFully(bytes);
        } catch (EOFException e) {
            throw new CorruptFrameException(0, "file is shorter than its header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, SIZE - 4);
        if (header.getInt(SIZE - 4) != (int) crc.getValue()) throw new CorruptFrameException(0, "header checksum mismatch");
        for (int i = 0; i < magic.length; i++) {
            if (header.get(i) != magic[i]) throw new CorruptFrameException(0, "not a file of this kind");
        }
        int version = header.getInt(magic.length);
        if (version != VERSION) {
            throw new CorruptFrameException(0, "unsupported format version " + version + (version > VERSION ? " of a newer Modyn" : "")
                    + "; this one reads version " + VERSION + ", found");
        }
        return header.getLong(magic.length + 4);
    }
}
