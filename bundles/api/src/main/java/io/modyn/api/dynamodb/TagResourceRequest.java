package io.modyn.api.dynamodb;

import java.util.List;

public record TagResourceRequest(String resourceArn, List<Tag> tags) {
}
