package io.modyn.api.dynamodb;

import io.modyn.api.auth.Principal;

/**
 * What an operation knows about the request beyond its parameters: who sent it and the facts of
 * the connection it came on, which an {@link io.modyn.api.auth.Authorizer} turns into IAM's global
 * condition keys ({@code aws:SourceIp}, {@code aws:SecureTransport}, {@code aws:UserAgent}).
 *
 * @param requestId the id sent back in {@code x-amzn-RequestId}
 * @param principal who sent it, or null when the server runs without authentication
 * @param sourceIp the client's IP address as the server saw it (no port; IPv6 without brackets),
 *        or null when unknown (a request made inside the server)
 * @param secureTransport whether the request came over TLS
 * @param userAgent the client's {@code User-Agent} header, or null when it sent none
 * @param host the authority the client addressed ({@code Host} header: host and maybe port), which
 *        DescribeEndpoints answers so that endpoint discovery stays on this server; null when unknown
 */
public record RequestContext(String requestId, Principal principal, String sourceIp, boolean secureTransport, String userAgent,
        String host) {

    /** A request whose addressed host is unknown. */
    public RequestContext(String requestId, Principal principal, String sourceIp, boolean secureTransport, String userAgent) {
        this(requestId, principal, sourceIp, secureTransport, userAgent, null);
    }

    /** A request whose connection facts are unknown (no address, not TLS, no user agent, no host). */
    public RequestContext(String requestId, Principal principal) {
        this(requestId, principal, null, false, null, null);
    }
}
