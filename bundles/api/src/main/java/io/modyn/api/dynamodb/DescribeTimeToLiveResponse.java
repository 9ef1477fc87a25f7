package io.modyn.api.dynamodb;

import io.modyn.api.model.TimeToLiveDescription;

public record DescribeTimeToLiveResponse(TimeToLiveDescription timeToLiveDescription) {
}
