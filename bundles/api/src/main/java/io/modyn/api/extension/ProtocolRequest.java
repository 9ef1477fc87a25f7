package io.modyn.api.extension;

import io.modyn.api.auth.Principal;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request for a {@link ProtocolHandler}, read completely and authenticated.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param path the raw (still percent-encoded) request path
 * @param query the raw query string without {@code ?}, or an empty string
 * @param headers every header's values in arrival order; names are looked up case-insensitively
 * @param body the body bytes as sent, after removing any {@code Content-Encoding} (gzip, deflate);
 *        not copied, so do not change them
 * @param principal who signed the request, or null when the server runs without authentication
 * @param requestId the request id, already sent in the {@code x-amzn-RequestId} header
 * @param clientAddress the client's address as the server's socket sees it
 * @param secureTransport whether the request came over TLS (IAM's {@code aws:SecureTransport})
 */
public record ProtocolRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                              Principal principal, String requestId, InetSocketAddress clientAddress, boolean secureTransport) {

    /** A request that did not come over TLS. */
    public ProtocolRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                           Principal principal, String requestId, InetSocketAddress clientAddress) {
        this(method, path, query, headers, body, principal, requestId, clientAddress, false);
    }

    public ProtocolRequest {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(byName);
        query = query == null ? "" : query;
    }

    /** The client's IP address as text ({@code aws:SourceIp}), or null when unknown. */
    public String sourceIp() {
        return clientAddress == null || clientAddress.getAddress() == null ? null : clientAddress.getAddress().getHostAddress();
    }

    /** The first value of a header, or null if it is absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
