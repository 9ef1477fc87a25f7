package io.modyn.api.dynamodb;

/** The policy document attached to the resource, as it was put, and its revision id. */
public record GetResourcePolicyResponse(String policy, String revisionId) {
}
