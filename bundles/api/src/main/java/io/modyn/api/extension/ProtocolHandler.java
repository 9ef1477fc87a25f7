package io.modyn.api.extension;

import io.modyn.api.model.DynamoException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves another AWS API on the server's endpoint, next to DynamoDB: a third-party extension point
 * (auth-iam serves STS and IAM through it, kms the KMS API).
 *
 * <p>Register an implementation as an OSGi service with one of these service properties saying
 * which requests it serves (several values allowed):
 * <ul>
 *   <li>{@value #TARGET_PREFIX}: JSON APIs, routed by the part of {@code X-Amz-Target} before the
 *       dot, e.g. {@code TrentService} for {@code X-Amz-Target: TrentService.Encrypt}. DynamoDB's
 *       own prefixes ({@code DynamoDB_20120810}, {@code DynamoDBStreams_20120810}) stay with
 *       DynamoDB.</li>
 *   <li>{@value #SIGNING_SERVICE}: AWS Query-protocol APIs ({@code POST} with an
 *       {@code application/x-www-form-urlencoded} body, no target), routed by the service named in
 *       the request's SigV4 credential scope ({@code .../<region>/<service>/aws4_request}), e.g.
 *       {@code sts} or {@code iam}. An unsigned form body names no service and is not routed.</li>
 * </ul>
 * With several handlers for one prefix or service the best ranked ({@code service.ranking}, then
 * the oldest) serves.
 *
 * <p>The wire protocol does the HTTP work first, as for DynamoDB requests: admission and body
 * limits, the loopback rule when no authenticator is bound, transport decoding, and the request
 * id. It authenticates the request through the bound {@code Authenticator} before calling
 * {@link #handle}; a request it refuses never reaches the handler, and is answered by
 * {@link #errorResponse} in the handler's own format. Calls come from worker threads, concurrently.
 */
@ConsumerType
public interface ProtocolHandler {

    /** Service property: the {@code X-Amz-Target} prefixes (before the dot) this handler serves. */
    String TARGET_PREFIX = "modyn.protocol.target.prefix";

    /** Service property: the SigV4 signing service names of the Query-protocol APIs this handler serves. */
    String SIGNING_SERVICE = "modyn.protocol.signing.service";

    /**
     * Answers one authenticated request. Errors of the API are answers too (an XML or JSON error
     * body with its status). A {@link DynamoException} thrown here is answered through
     * {@link #errorResponse}, as a refusal is; any other exception is our own fault: the client
     * gets a generic 500, the log the exception with the request id.
     */
    ProtocolResponse handle(ProtocolRequest request);

    /**
     * The answer to a request for this handler that the wire protocol refused before calling
     * {@link #handle}: authentication ({@code MissingAuthenticationTokenException},
     * {@code InvalidSignatureException}, {@code UnrecognizedClientException}, ...), a body over the
     * size limit, or an internal error. Return null to have it answered in DynamoDB's JSON error
     * envelope (the default).
     *
     * @param error the refusal, with DynamoDB's error type and message
     * @param requestId the request's id, as sent in the {@code x-amzn-RequestId} header
     */
    default ProtocolResponse errorResponse(DynamoException error, String requestId) {
        return null;
    }
}
