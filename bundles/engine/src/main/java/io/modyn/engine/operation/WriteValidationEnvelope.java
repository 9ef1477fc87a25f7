package io.modyn.engine.operation;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.List;
import java.util.function.Supplier;

/**
 * Since DynamoDB's 2026 validation framework, PutItem, UpdateItem and DeleteItem report their
 * request checks inside the {@code "1 validation error detected: "} envelope, and the
 * ExpressionAttributeValues refusal no longer names the missing expressions (captured in us-east-1
 * and eu-west-2, October 2026). TransactWriteItems, which shares the same checks, still answers
 * them bare, so the envelope is put on here, around the three operations, not where the checks
 * throw. Only the checks the captures cover are wrapped; the rest (syntax errors, key schema
 * mismatches, key attribute updates) are answered as they were.
 */
final class WriteValidationEnvelope {

    private static final String ENVELOPE = "1 validation error detected: ";
    private static final String VALUES_NEED_EXPRESSIONS = "ExpressionAttributeValues can only be specified when using expressions";
    private static final String INVALID = "One or more parameter values were invalid: ";

    private static final List<String> ENVELOPED_PREFIXES = List.of(
            VALUES_NEED_EXPRESSIONS,
            "ExpressionAttributeNames can only be specified when using expressions",
            "ExpressionAttributeValues must not be empty",
            "ExpressionAttributeNames must not be empty",
            "Invalid ConditionExpression: The expression can not be empty;",
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined",
            "ReturnValues can only be ALL_OLD or NONE",
            // The malformed Expected conditions, one message per way of getting one wrong.
            INVALID + "Value ",
            INVALID + "Exists and ComparisonOperator cannot be used together",
            INVALID + "Invalid number of argument(s) for the ");

    private WriteValidationEnvelope() {
    }

    static <T> T around(Supplier<T> write) {
        try {
            return write.get();
        } catch (DynamoException e) {
            throw enveloped(e);
        }
    }

    static DynamoException enveloped(DynamoException e) {
        String message = e.getMessage();
        if (e.type() != ErrorType.VALIDATION || message == null || !belongsInEnvelope(message)) return e;
        if (message.startsWith(VALUES_NEED_EXPRESSIONS)) message = VALUES_NEED_EXPRESSIONS;
        return DynamoException.validation(ENVELOPE + message);
    }

    private static boolean belongsInEnvelope(String message) {
        for (String prefix : ENVELOPED_PREFIXES) {
            if (message.startsWith(prefix)) return true;
        }
        return false;
    }
}
