package io.modyn.api.streams;

import java.util.List;

public record ListStreamsResponse(List<StreamSummary> streams, String lastEvaluatedStreamArn) {
}
