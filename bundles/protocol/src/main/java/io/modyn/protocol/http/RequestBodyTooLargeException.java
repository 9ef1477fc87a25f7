package io.modyn.protocol.http;

/** A request body beyond the configured limit, on the wire or once decompressed. */
final class RequestBodyTooLargeException extends Exception {

    private static final long serialVersionUID = 1L;

    RequestBodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes", null, false, false);
    }
}
