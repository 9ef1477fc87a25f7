package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.identity.IdentityException;
import io.modyn.auth.iam.query.QueryError;

/** IAM's error codes with their HTTP statuses, as the IAM API reference lists them. */
final class IamErrors {

    static final String CONCURRENT_MODIFICATION = "The request was rejected because multiple requests to change this object "
            + "were submitted simultaneously. Wait a few minutes and submit your request again.";

    private IamErrors() {
    }

    static QueryError validation(String message) {
        return new QueryError(true, "ValidationError", message, 400);
    }

    /** AWS's form of a constraint violated by one request member. */
    static QueryError constraint(String member, String value, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return validation("1 validation error detected: Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    static QueryError noSuchEntity(String message) {
        return new QueryError(true, "NoSuchEntity", message, 404);
    }

    /** A policy document IAM refuses, with the policy parser's message (IAM's own text). */
    static QueryError malformedPolicy(String message) {
        return new QueryError(true, "MalformedPolicyDocument", message, 400);
    }

    static QueryError limitExceeded(String message) {
        return new QueryError(true, "LimitExceeded", message, 409);
    }

    static QueryError of(IdentityException refusal) {
        return switch (refusal.reason()) {
            case NO_SUCH_ENTITY -> noSuchEntity(refusal.getMessage());
            case ALREADY_EXISTS -> new QueryError(true, "EntityAlreadyExists", refusal.getMessage(), 409);
            case LIMIT_EXCEEDED -> limitExceeded(refusal.getMessage());
            case DELETE_CONFLICT -> new QueryError(true, "DeleteConflict", refusal.getMessage(), 409);
            case MALFORMED_POLICY -> new QueryError(true, "MalformedPolicyDocument", refusal.getMessage(), 400);
            case INVALID_INPUT -> new QueryError(true, "InvalidInput", refusal.getMessage(), 400);
        };
    }

    static QueryError concurrentModification() {
        return new QueryError(true, "ConcurrentModification", CONCURRENT_MODIFICATION, 409);
    }
}
