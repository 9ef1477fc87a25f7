package io.modyn.api.dynamodb;

import java.util.List;

public record ListTagsOfResourceResponse(List<Tag> tags, String nextToken) {
}
