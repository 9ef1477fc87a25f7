package io.modyn.engine.policy;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;

/**
 * The errors of the resource-policy operations. The PolicyNotFoundException messages for a
 * missing policy and for a revision mismatch, and the table-not-found message, are DynamoDB's as
 * observed; the stream-not-found message follows the Streams API's.
 */
final class PolicyErrors {

    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    private PolicyErrors() {
    }

    static DynamoException noPolicy(PolicyTarget target) {
        return new DynamoException(ErrorType.POLICY_NOT_FOUND, NOT_FOUND + target.arn());
    }

    static DynamoException revisionMismatch(PolicyTarget target, String expected, String actual) {
        return new DynamoException(ErrorType.POLICY_NOT_FOUND, NOT_FOUND + "Requested update for policy with revision id " + expected
                + ", but the policy associated to target " + target.describe() + " has revision id " + actual + ".");
    }

    static DynamoException policyExists(PolicyTarget target, String actual) {
        return new DynamoException(ErrorType.POLICY_NOT_FOUND, NOT_FOUND + "Requested policy update expecting none to be present for "
                + target.describe() + ", but a policy exists with revision id " + actual + ".");
    }

    static DynamoException resourceNotFound(PolicyTarget target) {
        return target.isStream()
                ? DynamoException.resourceNotFound("Requested resource not found: Stream: " + target.arn() + " not found")
                : DynamoException.resourceNotFound("Requested resource not found: Table: " + target.tableName() + " not found");
    }
}
