package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.Endpoint;
import io.modyn.engine.EngineSettings;
import java.util.List;

/**
 * DescribeEndpoints: the address the client reached and its cache period. DynamoDB answers its own
 * address, which is the Host its clients send; answering the regional AWS name instead would send
 * an SDK with endpoint discovery on to AWS. Without a Host header the regional name stands in.
 */
public final class DescribeEndpointsOperation {

    private static final long CACHE_PERIOD_MINUTES = 1440;

    private final EngineSettings settings;

    public DescribeEndpointsOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public DescribeEndpointsResponse execute(String host) {
        String address = host == null || host.isBlank() ? "dynamodb." + settings.region() + ".amazonaws.com" : host;
        return new DescribeEndpointsResponse(List.of(new Endpoint(address, CACHE_PERIOD_MINUTES)));
    }
}
