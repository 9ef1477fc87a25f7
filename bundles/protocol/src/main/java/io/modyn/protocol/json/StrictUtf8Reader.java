package io.modyn.protocol.json;

import java.io.Reader;
import java.nio.charset.MalformedInputException;

/**
 * Decodes a request body, held whole in memory, from UTF-8 straight into the parser's own char
 * buffer, failing with {@link MalformedInputException} at the first byte that is not well-formed
 * UTF-8. It refuses what the JDK's strict decoder refuses (a {@code CharsetDecoder} whose action
 * is REPORT, the default): stray continuation bytes, overlong forms (C0, C1, E0 80-9F, F0 80-8F),
 * encoded surrogates (ED A0-BF), code points above U+10FFFF (F4 90-BF, F5-FF) and a sequence cut
 * short by the end of the body. An {@code InputStreamReader} would do the same through an 8 KB byte
 * buffer and a {@code CharsetDecoder} of its own for every request; runs of ASCII, which request
 * bodies mostly are, take one comparison per byte here.
 */
final class StrictUtf8Reader extends Reader {

    private final byte[] bytes;
    private int position;
    /** The low surrogate of a supplementary character whose high half filled the caller's buffer. */
    private char pendingLow;

    StrictUtf8Reader(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws MalformedInputException {
        if (length == 0) return 0;
        int at = offset;
        int limit = offset + length;
        if (pendingLow != 0) {
            chars[at++] = pendingLow;
            pendingLow = 0;
        }
        byte[] in = bytes;
        int p = position;
        int end = in.length;
        while (at < limit && p < end) {
            int b = in[p];
            if (b >= 0) {
                chars[at++] = (char) b;
                p++;
                continue;
            }
            int lead = b & 0xff;
            if (lead >= 0xc2 && lead <= 0xdf) {
                int b1 = continuation(in, p, 1, 0x80, 0xbf);
                chars[at++] = (char) ((lead & 0x1f) << 6 | b1 & 0x3f);
                p += 2;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                int b1 = continuation(in, p, 1, lead == 0xe0 ? 0xa0 : 0x80, lead == 0xed ? 0x9f : 0xbf);
                int b2 = continuation(in, p, 2, 0x80, 0xbf);
                chars[at++] = (char) ((lead & 0x0f) << 12 | (b1 & 0x3f) << 6 | b2 & 0x3f);
                p += 3;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                int b1 = continuation(in, p, 1, lead == 0xf0 ? 0x90 : 0x80, lead == 0xf4 ? 0x8f : 0xbf);
                int b2 = continuation(in, p, 2, 0x80, 0xbf);
                int b3 = continuation(in, p, 3, 0x80, 0xbf);
                int codePoint = (lead & 0x07) << 18 | (b1 & 0x3f) << 12 | (b2 & 0x3f) << 6 | b3 & 0x3f;
                chars[at++] = Character.highSurrogate(codePoint);
                if (at < limit) {
                    chars[at++] = Character.lowSurrogate(codePoint);
                } else {
                    pendingLow = Character.lowSurrogate(codePoint);
                }
                p += 4;
            } else {
                position = p;
                throw new MalformedInputException(1);
            }
        }
        position = p;
        return at == offset ? -1 : at - offset;
    }

    /** Byte {@code index} of the sequence starting at {@code start}, which must lie within [min, max]. */
    private int continuation(byte[] in, int start, int index, int min, int max) throws MalformedInputException {
        int p = start + index;
        if (p >= in.length) {
            position = start;
            throw new MalformedInputException(index);
        }
        int b = in[p] & 0xff;
        if (b < min || b > max) {
            position = start;
            throw new MalformedInputException(index);
        }
        return b;
    }

    @Override
    public void close() {
        // Nothing to release: the body is an array.
    }
}
