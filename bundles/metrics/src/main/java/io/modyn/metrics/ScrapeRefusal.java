package io.modyn.metrics;

/** Why a request to the metrics endpoint is not served, with the HTTP status it is answered. */
final class ScrapeRefusal extends Exception {

    static final int BAD_REQUEST = 400;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int SERVICE_UNAVAILABLE = 503;

    private static final long serialVersionUID = 1L;

    private final int status;

    ScrapeRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    ScrapeRefusal(int status, String message, Throwable cause) {
        super(message, cause, false, true);
        this.status = status;
    }

    int status() {
        return status;
    }
}
