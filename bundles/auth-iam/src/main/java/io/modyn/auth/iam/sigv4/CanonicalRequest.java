package io.modyn.auth.iam.sigv4;

import io.modyn.api.auth.SignedRequest;
import java.util.List;

/**
 * The canonical request of Signature Version 4, the text whose hash a client signs:
 *
 * <pre>
 * METHOD
 * canonical path (normalized, encoded once more: {@link UriEncoding#canonicalPath})
 * canonical query (sorted, encoded; without X-Amz-Signature)
 * name:value lines of the signed headers (values trimmed, inner whitespace collapsed, repeats joined by ',')
 * (empty line)
 * signed header names joined by ';'
 * payload hash (hex SHA-256 of the body as sent, compressed or not; or UNSIGNED-PAYLOAD)
 * </pre>
 */
final class CanonicalRequest {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String CONTENT_SHA256_HEADER = "X-Amz-Content-Sha256";

    private CanonicalRequest() {
    }

    static String of(SignedRequest request, SignatureParameters signature) {
        List<String> signedHeaders = signature.signedHeaderNames();
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(request.method()).append('\n');
        canonical.append(UriEncoding.canonicalPath(request.path())).append('\n');
        canonical.append(signature.query().canonical(signature.presigned())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':');
            appendHeaderValues(canonical, request.headers(name));
            canonical.append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash(request));
        return canonical.toString();
    }

    /**
     * The body's SHA-256 as it arrived (a gzip-compressed body is signed compressed), unless the
     * client declared with {@code X-Amz-Content-Sha256: UNSIGNED-PAYLOAD} that it signs no body.
     * A declared hash is never trusted: the body itself is hashed, so a body that is not the one
     * signed fails the signature.
     */
    static String payloadHash(SignedRequest request) {
        List<String> declared = request.headers(CONTENT_SHA256_HEADER);
        if (!declared.isEmpty() && UNSIGNED_PAYLOAD.equals(declared.get(0).trim())) {
            return UNSIGNED_PAYLOAD;
        }
        byte[] body = request.body();
        return Digests.sha256Hex(body == null ? new byte[0] : body);
    }

    private static void appendHeaderValues(StringBuilder canonical, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                canonical.append(',');
            }
            appendTrimmed(canonical, values.get(i));
        }
    }

    /** The value without leading and trailing whitespace, each inner run of whitespace as one space. */
    private static void appendTrimmed(StringBuilder canonical, String value) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                canonical.append(' ');
                pendingSpace = false;
            }
            canonical.append(c);
            started = true;
        }
    }
}
