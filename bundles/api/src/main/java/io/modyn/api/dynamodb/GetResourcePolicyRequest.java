package io.modyn.api.dynamodb;

public record GetResourcePolicyRequest(String resourceArn) {
}
