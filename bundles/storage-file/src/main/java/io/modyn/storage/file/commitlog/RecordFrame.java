package io.modyn.storage.file.commitlog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a payload is framed on disk, in commit-log segments and snapshots alike:
 * {@code length:int32 | crc32c(length bytes, payload):int32 | payload}, big-endian. The checksum
 * covers the length too, so a torn or garbled length is caught rather than trusted.
 */
public final class RecordFrame {

    public static final int HEADER_SIZE = 8;
    /** Far above any transaction the engine builds; a larger length read back means garbage. */
    public static final int MAX_PAYLOAD = 128 * 1024 * 1024;

    private RecordFrame() {
    }

    public static int checksum(CRC32C crc, byte[] payload) {
        int length = payload.length;
        crc.reset();
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(payload, 0, length);
        return (int) crc.getValue();
    }

    /** Writes the frame header; the caller writes the payload after it. */
    public static void writeHeader(ByteBuffer out, byte[] payload, CRC32C crc) {
        out.putInt(payload.length).putInt(checksum(crc, payload));
    }

    public static void write(OutputStream out, byte[] payload, CRC32C crc) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        writeHeader(header, payload, crc);
        out.write(header.array());
        out.write(payload);
    }
}
