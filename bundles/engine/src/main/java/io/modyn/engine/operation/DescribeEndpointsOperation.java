package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.Endpoint;
import io.modyn.engine.EngineSettings;
import java.util.List;

/** DescribeEndpoints: the regional endpoint name and its cache period, as DynamoDB answers it. */
public final class DescribeEndpointsOperation {

    private static final long CACHE_PERIOD_MINUTES = 1440;

    private final EngineSettings settings;

    public DescribeEndpointsOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public DescribeEndpointsResponse execute() {
        return new DescribeEndpointsResponse(List.of(new Endpoint("dynamodb." + settings.region() + ".amazonaws.com", CACHE_PERIOD_MINUTES)));
    }
}
