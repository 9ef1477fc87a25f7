package io.modyn.api.dynamodb;

public record ListTagsOfResourceRequest(String resourceArn, String nextToken) {
}
