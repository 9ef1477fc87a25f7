package io.modyn.api.dynamodb;

/** Unset members are null. */
public record DeleteResourcePolicyRequest(String resourceArn, String expectedRevisionId) {
}
