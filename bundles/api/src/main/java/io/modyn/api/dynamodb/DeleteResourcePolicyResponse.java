package io.modyn.api.dynamodb;

/** The revision id of the policy that was removed. */
public record DeleteResourcePolicyResponse(String revisionId) {
}
