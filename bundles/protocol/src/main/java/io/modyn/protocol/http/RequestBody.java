package io.modyn.protocol.http;

import io.modyn.api.model.DynamoException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes a request body's {@code Content-Encoding} within the size limit.
 *
 * <p>The limit holds twice: {@link RequestBodyReceiver} applies it to the bytes on the wire, this
 * class to the decompressed bytes, so a small gzip bomb cannot expand past it either. The raw
 * bytes are kept by the caller because a signature covers the body as sent.
 */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * Undoes the {@code Content-Encoding} ({@code gzip}, {@code deflate} or {@code identity}).
     *
     * @throws DynamoException a SerializationException for an unknown encoding or corrupt data
     */
    static byte[] decode(byte[] raw, String contentEncoding, long limit) throws RequestBodyTooLargeException {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        try {
            switch (encoding) {
                case "", "identity":
                    return raw;
                case "gzip", "x-gzip":
                    return readLimited(new GZIPInputStream(new ByteArrayInputStream(raw)), raw.length * 4, limit);
                case "deflate":
                    return inflate(raw, limit);
                default:
                    throw DynamoException.serialization(null);
            }
        } catch (IOException e) {
            throw DynamoException.serialization(null);
        }
    }

    /**
     * HTTP's "deflate" is the zlib format, but some clients send a raw deflate stream; the zlib
     * header tells them apart, so both are taken.
     */
    private static byte[] inflate(byte[] raw, long limit) throws IOException, RequestBodyTooLargeException {
        boolean zlib = raw.length >= 2 && (raw[0] & 0x0F) == 8 && (((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        try {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(raw), inflater), raw.length * 4, limit);
        } catch (ZipException e) {
            throw new IOException(e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] readLimited(InputStream in, int expected, long limit) throws IOException, RequestBodyTooLargeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 256), limit + 1));
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
