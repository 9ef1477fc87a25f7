package io.modyn.protocol.json;

import java.io.Reader;

/**
 * Makes sure every string of a request is well-formed Unicode, so that distinct strings on the wire
 * stay distinct once stored.
 *
 * <p>A lenient decoder turns each malformed UTF-8 sequence into U+FFFD, so {@code "\xff"} and
 * {@code "\xfe"} would become the same key, and a lone surrogate (from a {@code \uD800} escape)
 * becomes {@code ?} when the string is encoded to UTF-8 for storage. DynamoDB refuses such a body
 * with a {@code SerializationException}; so does this server, in two places:
 * <ul>
 *   <li>the body is decoded by {@link StrictUtf8Reader}, which reports malformed input instead of
 *   replacing it, as the JDK's UTF-8 decoder does when told to report: it refuses overlong forms,
 *   stray continuation bytes, truncated sequences, bytes F5 to FF and encoded surrogates
 *   (ED A0 80), so every raw character that reaches the parser is valid. It decodes the bytes
 *   straight into the parser's buffer, without a buffer of its own.</li>
 *   <li>{@code \\uXXXX} escapes are decoded by the parser itself, after that check, so each decoded
 *   string is checked for surrogates that are not in high-low pairs
 *   ({@link #requirePairedSurrogates(String)}).</li>
 * </ul>
 */
final class StrictUnicode {

    private StrictUnicode() {
    }

    /** A reader over {@code body} that fails with a {@code MalformedInputException} at the first malformed byte. */
    static Reader utf8Reader(byte[] body) {
        return new StrictUtf8Reader(body);
    }

    /** Returns {@code text} if its surrogates are all paired; otherwise refuses the request as malformed. */
    static String requirePairedSurrogates(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw SerializationErrors.malformed();
                }
                i++;
            }
        }
        return text;
    }
}
