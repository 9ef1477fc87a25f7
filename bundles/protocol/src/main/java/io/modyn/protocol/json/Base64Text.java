package io.modyn.protocol.json;

import java.util.Base64;

/**
 * Strict base64 decoding of Blob members, as DynamoDB does it.
 *
 * <p>{@link java.util.Base64} accepts padding bits that are not zero ({@code "QR=="} decodes like
 * {@code "QQ=="}); DynamoDB refuses them, so two spellings of the same bytes never both reach
 * storage. DynamoDB checks the length first, then the characters. The messages follow DynamoDB's,
 * spelling ("dectected") included.
 */
final class Base64Text {

    private static final String INVALID_LAST = "Invalid last non-pad Base64 character dectected";

    private Base64Text() {
    }

    static byte[] decode(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            throw SerializationErrors.of("Base64 encoded length is expected a multiple of 4 bytes but found: " + length);
        }
        int padding = length > 0 && text.charAt(length - 1) == '=' ? (text.charAt(length - 2) == '=' ? 2 : 1) : 0;
        int dataEnd = length - padding;
        for (int i = 0; i < dataEnd; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                throw SerializationErrors.of(INVALID_LAST);
            }
            if (sextet(c) < 0) {
                throw SerializationErrors.of("Invalid Base64 character: '" + c + "'");
            }
        }
        if (padding > 0) {
            // The bits of the last data character that fall beyond the final byte must be zero.
            int unusedBitsMask = padding == 1 ? 0b11 : 0b1111;
            if ((sextet(text.charAt(dataEnd - 1)) & unusedBitsMask) != 0) {
                throw SerializationErrors.of(INVALID_LAST);
            }
        }
        return Base64.getDecoder().decode(text);
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    }
}
