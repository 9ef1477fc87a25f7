package io.modyn.auth.iam.identity;

/**
 * A change the identity store refuses, with the reason an API reports to its client (the IAM API
 * turns each reason into IAM's error code and status) and IAM's message.
 */
public final class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store refused. */
    public enum Reason { NO_SUCH_ENTITY, ALREADY_EXISTS, LIMIT_EXCEEDED, DELETE_CONFLICT, MALFORMED_POLICY, INVALID_INPUT }

    private final Reason reason;

    public IdentityException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static IdentityException noSuchUser(String name) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "The user with name " + name + " cannot be found.");
    }

    static IdentityException noSuchAccessKey(String accessKeyId) {
        return new IdentityException(Reason.NO_SUCH_ENTITY, "The Access Key with id " + accessKeyId + " cannot be found.");
    }
}
