package io.modyn.protocol.http;

import io.modyn.protocol.json.Utf8JsonGenerator;
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

    /** The text of a response written by {@code out}, which is closed. */
    static ResponseBuffer of(Utf8JsonGenerator out) {
        return new ResponseBuffer(out.finish());
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
