package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.DeleteResourcePolicyResponse;
import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.DescribeLimitsResponse;
import io.modyn.api.dynamodb.DescribeTimeToLiveResponse;
import io.modyn.api.dynamodb.Endpoint;
import io.modyn.api.dynamodb.GetResourcePolicyResponse;
import io.modyn.api.dynamodb.ListTagsOfResourceResponse;
import io.modyn.api.dynamodb.PutResourcePolicyResponse;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UpdateTimeToLiveResponse;
import io.modyn.api.model.TimeToLiveDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlResponseWriterTest {

    @Test
    void timeToLiveResponsesEchoTheSpecificationAndDescribeTheStatus() {
        assertEquals("{\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"expires\"}}",
                write(ControlResponseWriter::updateTimeToLive, new UpdateTimeToLiveResponse(new TimeToLiveSpecification(true, "expires"))));
        assertEquals("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"expires\"}}",
                write(ControlResponseWriter::describeTimeToLive, new DescribeTimeToLiveResponse(new TimeToLiveDescription("ENABLED", "expires"))));
        assertEquals("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}",
                write(ControlResponseWriter::describeTimeToLive, new DescribeTimeToLiveResponse(new TimeToLiveDescription("DISABLED", null))));
    }

    @Test
    void tagListsAlwaysHaveTagsAndPageWithNextToken() {
        assertEquals("{\"Tags\":[]}", write(ControlResponseWriter::listTagsOfResource, new ListTagsOfResourceResponse(List.of(), null)));
        assertEquals("{\"Tags\":[{\"Key\":\"a\",\"Value\":\"1\"}],\"NextToken\":\"n\"}",
                write(ControlResponseWriter::listTagsOfResource, new ListTagsOfResourceResponse(List.of(new Tag("a", "1")), "n")));
    }

    @Test
    void resourcePolicyResponsesCarryTheRevisionAndThePolicyAsAString() {
        assertEquals("{\"RevisionId\":\"17\"}", write(ControlResponseWriter::putResourcePolicy, new PutResourcePolicyResponse("17")));
        assertEquals("{\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\"}\",\"RevisionId\":\"17\"}",
                write(ControlResponseWriter::getResourcePolicy, new GetResourcePolicyResponse("{\"Version\":\"2012-10-17\"}", "17")));
        assertEquals("{\"RevisionId\":\"17\"}", write(ControlResponseWriter::deleteResourcePolicy, new DeleteResourcePolicyResponse("17")));
    }

    @Test
    void limitsAndEndpointsAreWrittenAsNumbersAndObjects() {
        assertEquals("{\"AccountMaxReadCapacityUnits\":80000,\"AccountMaxWriteCapacityUnits\":80000,"
                        + "\"TableMaxReadCapacityUnits\":40000,\"TableMaxWriteCapacityUnits\":40000}",
                write(ControlResponseWriter::describeLimits, new DescribeLimitsResponse(80_000, 80_000, 40_000, 40_000)));
        assertEquals("{\"Endpoints\":[{\"Address\":\"dynamodb.us-east-1.amazonaws.com\",\"CachePeriodInMinutes\":1440}]}",
                write(ControlResponseWriter::describeEndpoints,
                        new DescribeEndpointsResponse(List.of(new Endpoint("dynamodb.us-east-1.amazonaws.com", 1440)))));
    }
}
