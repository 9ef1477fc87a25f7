package io.modyn.api.dynamodb;

import java.util.List;

public record DescribeEndpointsResponse(List<Endpoint> endpoints) {
}
