package io.modyn.auth.iam.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The URI encoding of Signature Version 4: every byte of the UTF-8 form except the unreserved
 * characters {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XY} with upper-case hex digits.
 *
 * <p>For every service but S3 the canonical path is the request path as sent (already
 * percent-encoded by the client) with its dot segments and repeated slashes removed, encoded once
 * more: a client that asks for {@code /a b} sends {@code /a%20b} and signs {@code /a%2520b}.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** Encodes every byte but the unreserved characters; with {@code keepSlash} also keeps '/'. */
    public static String encode(String text, boolean keepSlash) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnreserved(c) && !(keepSlash && c == '/')) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
                appendEncoded(out, text.substring(i), keepSlash);
                break;
            }
        }
        return out == null ? text : out.toString();
    }

    private static void appendEncoded(StringBuilder out, String text, boolean keepSlash) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /**
     * Decodes {@code %XY} escapes (as UTF-8); a {@code %} not followed by two hex digits, and
     * {@code +}, stay as they are: SigV4 query strings are percent-encoded, not form-encoded.
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hexValue(text.charAt(i + 1)) >= 0 && hexValue(text.charAt(i + 2)) >= 0) {
                bytes.write(hexValue(text.charAt(i + 1)) * 16 + hexValue(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    /**
     * The canonical URI of a request path as sent: dot segments resolved, empty segments dropped
     * (a trailing slash is kept), then encoded once more.
     */
    public static String canonicalPath(String rawPath) {
        return encode(normalizePath(rawPath), true);
    }

    static String normalizePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(part);
            }
        }
        String last = parts[parts.length - 1];
        boolean trailingSlash = segments.size() > 0
                && (last.isEmpty() || last.equals(".") || last.equals(".."));
        StringBuilder path = new StringBuilder(rawPath.length());
        for (String segment : segments) {
            path.append('/').append(segment);
        }
        if (path.length() == 0 || trailingSlash) {
            path.append('/');
        }
        return path.toString();
    }
}
