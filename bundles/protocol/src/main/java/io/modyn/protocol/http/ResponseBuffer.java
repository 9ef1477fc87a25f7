package io.modyn.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** A response body collected in memory, handed to Undertow without another copy. */
final class ResponseBuffer extends ByteArrayOutputStream {

    ResponseBuffer() {
        super(512);
    }

    ResponseBuffer(byte[] content) {
        super(0);
        buf = content;
        count = content.length;
    }

    ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(buf, 0, count);
    }

    long crc32() {
        CRC32 crc = new CRC32();
        crc.update(buf, 0, count);
        return crc.getValue();
    }
}
