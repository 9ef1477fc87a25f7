package io.modyn.api.dynamodb;

/** The revision id of the policy now attached. */
public record PutResourcePolicyResponse(String revisionId) {
}
