package io.modyn.api.dynamodb;

import java.util.List;

public record UntagResourceRequest(String resourceArn, List<String> tagKeys) {
}
