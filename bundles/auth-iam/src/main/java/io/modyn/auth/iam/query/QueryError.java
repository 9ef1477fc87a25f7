package io.modyn.auth.iam.query;

import io.modyn.api.model.DynamoException;

/**
 * An error of an AWS Query-protocol API as its clients read it: {@code Type} (Sender: the
 * client's fault, Receiver: ours), {@code Code}, {@code Message} and the HTTP status, with AWS's
 * codes and statuses from its Common Errors (InvalidAction 400, MissingAction 400,
 * MissingAuthenticationToken 403, InvalidClientTokenId 403, SignatureDoesNotMatch 403, ...).
 */
public final class QueryError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The operation name AWS reports when a request names no version. */
    static final String NO_VERSION = "NO_VERSION_SPECIFIED";

    private final boolean sender;
    private final String code;
    private final int httpStatus;

    public QueryError(boolean sender, String code, String message, int httpStatus) {
        super(message, null, false, false);
        this.sender = sender;
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** {@code Sender} or {@code Receiver}. */
    public String type() {
        return sender ? "Sender" : "Receiver";
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** An action this API does not have in the version asked for (or with no version at all). */
    public static QueryError invalidAction(String action, String version) {
        return new QueryError(true, "InvalidAction", "Could not find operation " + action + " for version "
                + (version == null || version.isEmpty() ? NO_VERSION : version), 400);
    }

    public static QueryError missingAction() {
        return new QueryError(true, "MissingAction", "Missing Action", 400);
    }

    /**
     * What a Query API answers where DynamoDB answers {@code error}: the wire protocol refused the
     * request (signature, size) or failed. The message stays; the code becomes the Query protocol's.
     */
    public static QueryError of(DynamoException error) {
        String message = error.getMessage();
        return switch (error.type()) {
            case MISSING_AUTHENTICATION_TOKEN -> new QueryError(true, "MissingAuthenticationToken", message, 403);
            case INCOMPLETE_SIGNATURE -> new QueryError(true, "IncompleteSignature", message, 400);
            case INVALID_SIGNATURE -> new QueryError(true, "SignatureDoesNotMatch", message, 403);
            case UNRECOGNIZED_CLIENT -> new QueryError(true, "InvalidClientTokenId", message, 403);
            case ACCESS_DENIED -> new QueryError(true, "AccessDenied", message, 403);
            case EXPIRED_TOKEN -> new QueryError(true, "ExpiredToken", message, 403);
            case THROTTLING -> new QueryError(true, "Throttling", message, 400);
            case REQUEST_ENTITY_TOO_LARGE -> new QueryError(true, "RequestEntityTooLarge",
                    message == null ? "Request entity too large" : message, 413);
            case SERVICE_UNAVAILABLE -> new QueryError(false, "ServiceUnavailable", message, 503);
            case INTERNAL_SERVER_ERROR -> new QueryError(false, "InternalFailure", "Internal server error", 500);
            default -> new QueryError(error.type().httpStatus() < 500, error.type().wireName(), message, error.type().httpStatus());
        };
    }
}
