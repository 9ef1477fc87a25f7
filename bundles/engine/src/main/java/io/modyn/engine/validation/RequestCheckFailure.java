package io.modyn.engine.validation;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;

/**
 * A failed request check that DynamoDB moved into its 2026 validation framework for some operations
 * only. PutItem, UpdateItem and DeleteItem now report these checks inside the
 * {@code "1 validation error detected: "} envelope, and the ExpressionAttributeValues refusal no
 * longer names the missing expressions (captured in us-east-1 and eu-west-2, October 2026), while
 * TransactWriteItems, which shares the checks, still answers them bare.
 *
 * <p>So a shared check throws this, carrying both forms, and the operation chooses the framing:
 * one that answers in the framework's form catches it and throws {@link #inEnvelope()}; any other
 * lets it through, and the client sees the bare message. Only the checks the captures cover throw
 * it; the rest (syntax errors, key schema mismatches, key attribute updates) stay plain.
 */
public final class RequestCheckFailure extends DynamoException {

    private static final long serialVersionUID = 1L;
    private static final String ENVELOPE = "1 validation error detected: ";

    private final String frameworkDetail;

    private RequestCheckFailure(String message, String frameworkDetail) {
        super(ErrorType.VALIDATION, message);
        this.frameworkDetail = frameworkDetail;
    }

    /** A check whose message is the same in both framings, but for the envelope. */
    public static RequestCheckFailure of(String message) {
        return new RequestCheckFailure(message, message);
    }

    /** A check the framework words differently inside its envelope. */
    public static RequestCheckFailure of(String message, String frameworkDetail) {
        return new RequestCheckFailure(message, frameworkDetail);
    }

    /** The failure as the operations on DynamoDB's 2026 framework report it. */
    public DynamoException inEnvelope() {
        return DynamoException.validation(ENVELOPE + frameworkDetail);
    }
}
