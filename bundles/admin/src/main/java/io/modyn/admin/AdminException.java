package io.modyn.admin;

/** A command that cannot be carried out, with the HTTP status that tells the operator why. */
final class AdminException extends Exception {

    private static final long serialVersionUID = 1L;

    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;
    static final int SERVICE_UNAVAILABLE = 503;

    private final int status;

    AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    AdminException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
