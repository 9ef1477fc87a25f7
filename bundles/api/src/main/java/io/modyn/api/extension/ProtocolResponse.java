package io.modyn.api.extension;

import java.nio.charset.StandardCharsets;

/**
 * A {@link ProtocolHandler}'s complete answer. The wire protocol adds the request id header and
 * compresses large bodies for clients that accept gzip.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, such as {@code text/xml} or
 *        {@code application/x-amz-json-1.1}; null for none
 * @param body the body bytes; not copied, so do not change them afterwards
 */
public record ProtocolResponse(int status, String contentType, byte[] body) {

    public ProtocolResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        body = body == null ? new byte[0] : body;
    }

    /** A response whose body is {@code text} in UTF-8. */
    public static ProtocolResponse of(int status, String contentType, String text) {
        return new ProtocolResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
