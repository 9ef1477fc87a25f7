package io.modyn.api.dynamodb;

import io.modyn.api.auth.Principal;

/**
 * What an operation knows about the request beyond its parameters.
 *
 * @param requestId the id sent back in {@code x-amzn-RequestId}
 * @param principal who sent it, or null when the server runs without authentication
 */
public record RequestContext(String requestId, Principal principal) {
}
