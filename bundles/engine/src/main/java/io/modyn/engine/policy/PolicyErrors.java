package io.modyn.engine.policy;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;

/**
 * The errors of the resource-policy operations, DynamoDB's as observed: PolicyNotFoundException
 * for a missing policy, a revision mismatch, a policy where none was expected, and an expected
 * revision where there never was a policy (its message's end, "policy.", completes a capture cut
 * short); ResourceNotFoundException naming the table, or the stream's label and its table.
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

    static DynamoException noAssociatedPolicy(PolicyTarget target, String expected) {
        return new DynamoException(ErrorType.POLICY_NOT_FOUND, NOT_FOUND + "Requested update for policy with revision id " + expected
                + ", but " + target.describe() + " has no associated policy.");
    }

    static DynamoException policyExists(PolicyTarget target, String actual) {
        return new DynamoException(ErrorType.POLICY_NOT_FOUND, NOT_FOUND + "Requested policy update expecting none to be present for "
                + target.describe() + ", but a policy exists with revision id " + actual + ".");
    }

    static DynamoException resourceNotFound(PolicyTarget target) {
        return target.isStream()
                ? DynamoException.resourceNotFound("Requested resource not found: Stream: " + target.streamLabel() + " not found for Table: "
                        + target.tableName())
                : DynamoException.resourceNotFound("Requested resource not found: Table: " + target.tableName() + " not found");
    }
}
