package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.auth.iam.query.QueryError;

/** STS's error codes with their HTTP statuses and AWS's messages, as the STS API reference lists them. */
final class StsErrors {

    static final String PACKED_POLICY_TOO_LARGE = "The request was rejected because the total packed size of the session policies "
            + "and session tags combined was too large.";

    private StsErrors() {
    }

    static QueryError validation(String message) {
        return new QueryError(true, "ValidationError", message, 400);
    }

    /** AWS's form of a constraint violated by one request member. */
    static QueryError constraint(String member, String value, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return validation("1 validation error detected: Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    static QueryError accessDenied(String message) {
        return new QueryError(true, "AccessDenied", message, 403);
    }

    /** "User: arn is not authorized to perform: sts:AssumeRole on resource: roleArn", STS's words. */
    static QueryError notAuthorized(String callerArn, String action, String resource) {
        return accessDenied("User: " + callerArn + " is not authorized to perform: " + action + " on resource: " + resource);
    }

    static QueryError malformedPolicy(String message) {
        return new QueryError(true, "MalformedPolicyDocument", message, 400);
    }

    static QueryError packedPolicyTooLarge() {
        return new QueryError(true, "PackedPolicyTooLarge", PACKED_POLICY_TOO_LARGE, 400);
    }

    /** The request's caller; registered only while requests are authenticated, a call in a reconfiguration's gap has none. */
    static Principal caller(ProtocolRequest request) {
        Principal caller = request.principal();
        if (caller == null) {
            throw new QueryError(true, "MissingAuthenticationToken", "Request is missing Authentication Token", 403);
        }
        return caller;
    }
}
