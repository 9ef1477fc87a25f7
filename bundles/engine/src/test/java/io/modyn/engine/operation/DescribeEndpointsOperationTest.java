package io.modyn.engine.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.Endpoint;
import io.modyn.engine.EngineSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeEndpointsOperationTest {

    private final DescribeEndpointsOperation operation = new DescribeEndpointsOperation(new EngineSettings("eu-west-2", "000000000000"));

    @Test
    void answersTheAddressTheClientReachedSoDiscoveryStaysOnThisServer() {
        assertEquals(List.of(new Endpoint("127.0.0.1:8000", 1440L)), operation.execute("127.0.0.1:8000").endpoints());
    }

    @Test
    void withoutAHostHeaderAnswersTheRegionalName() {
        assertEquals(List.of(new Endpoint("dynamodb.eu-west-2.amazonaws.com", 1440L)), operation.execute(null).endpoints());
    }
}
