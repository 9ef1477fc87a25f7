package io.modyn.storage.file.commitlog;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads frames ({@link RecordFrame}) one after another from a file of known length. It never
 * trusts a length beyond the end of the file, so garbage at a torn tail cannot make it allocate
 * or read past what is there.
 */
public final class FrameReader {

    private final DataInputStream in;
    private final long end;
    private final CRC32C crc = new CRC32C();
    private long offset;

    /** @param offset where {@code in} is positioned in the file; @param end the file's length */
    public FrameReader(InputStream in, long offset, long end) {
        this.in = new DataInputStream(in);
        this.offset = offset;
        this.end = end;
    }

    /** The next payload, or null at the end of the file; never returns an unchecked payload. */
    public byte[] next() throws IOException {
        if (offset == end) return null;
        if (end - offset < RecordFrame.HEADER_SIZE) throw new CorruptFrameException(offset, "incomplete frame header");
        int length = in.readInt();
        int expected = in.readInt();
        if (length <= 0 || length > RecordFrame.MAX_PAYLOAD || length > end - offset - RecordFrame.HEADER_SIZE) {
            throw new CorruptFrameException(offset, "invalid frame length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (RecordFrame.checksum(crc, payload) != expected) throw new CorruptFrameException(offset, "frame checksum mismatch");
        offset += RecordFrame.HEADER_SIZE + length;
        return payload;
    }

    /** The offset just after the last frame read. */
    public long offset() {
        return offset;
    }
}
