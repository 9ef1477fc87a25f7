package io.modyn.engine.partiql;

import io.modyn.api.model.ErrorType;

/**
 * The Code of a failed BatchExecuteStatement member (BatchStatementErrorCodeEnum): the error's
 * name without "Exception", except that a validation error is {@code ValidationError} and
 * throttling {@code ThrottlingError}.
 */
final class BatchErrorCodes {

    private BatchErrorCodes() {
    }

    static String of(ErrorType type) {
        return switch (type) {
            case VALIDATION, SERIALIZATION -> "ValidationError";
            case THROTTLING -> "ThrottlingError";
            case INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE -> "InternalServerError";
            default -> {
                String name = type.wireName();
                yield name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) : name;
            }
        };
    }
}
