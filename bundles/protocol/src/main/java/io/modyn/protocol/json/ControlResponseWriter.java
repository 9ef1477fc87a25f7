package io.modyn.protocol.json;

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
import jakarta.json.stream.JsonGenerator;

/**
 * Writes the responses of the control-plane operations {@link ControlRequestReader} reads. Each
 * method writes one complete JSON object; null members are left out.
 */
public final class ControlResponseWriter {

    private ControlResponseWriter() {
    }

    public static void updateTimeToLive(JsonGenerator out, UpdateTimeToLiveResponse response) {
        out.writeStartObject();
        TimeToLiveSpecification specification = response.timeToLiveSpecification();
        if (specification != null) {
            out.writeStartObject("TimeToLiveSpecification");
            if (specification.enabled() != null) {
                out.write("Enabled", specification.enabled());
            }
            writeIfPresent(out, "AttributeName", specification.attributeName());
            out.writeEnd();
        }
        out.writeEnd();
    }

    /** A table without TTL answers {@code {"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}}. */
    public static void describeTimeToLive(JsonGenerator out, DescribeTimeToLiveResponse response) {
        out.writeStartObject();
        TimeToLiveDescription description = response.timeToLiveDescription();
        if (description != null) {
            out.writeStartObject("TimeToLiveDescription");
            writeIfPresent(out, "TimeToLiveStatus", description.timeToLiveStatus());
            writeIfPresent(out, "AttributeName", description.attributeName());
            out.writeEnd();
        }
        out.writeEnd();
    }

    /** {@code Tags} is always there, empty for a resource without tags. */
    public static void listTagsOfResource(JsonGenerator out, ListTagsOfResourceResponse response) {
        out.writeStartObject();
        out.writeStartArray("Tags");
        if (response.tags() != null) {
            for (Tag tag : response.tags()) {
                out.writeStartObject();
                out.write("Key", tag.key());
                out.write("Value", tag.value());
                out.writeEnd();
            }
        }
        out.writeEnd();
        writeIfPresent(out, "NextToken", response.nextToken());
        out.writeEnd();
    }

    public static void putResourcePolicy(JsonGenerator out, PutResourcePolicyResponse response) {
        out.writeStartObject();
        writeIfPresent(out, "RevisionId", response.revisionId());
        out.writeEnd();
    }

    public static void getResourcePolicy(JsonGenerator out, GetResourcePolicyResponse response) {
        out.writeStartObject();
        writeIfPresent(out, "Policy", response.policy());
        writeIfPresent(out, "RevisionId", response.revisionId());
        out.writeEnd();
    }

    public static void deleteResourcePolicy(JsonGenerator out, DeleteResourcePolicyResponse response) {
        out.writeStartObject();
        writeIfPresent(out, "RevisionId", response.revisionId());
        out.writeEnd();
    }

    public static void describeLimits(JsonGenerator out, DescribeLimitsResponse response) {
        out.writeStartObject();
        out.write("AccountMaxReadCapacityUnits", response.accountMaxReadCapacityUnits());
        out.write("AccountMaxWriteCapacityUnits", response.accountMaxWriteCapacityUnits());
        out.write("TableMaxReadCapacityUnits", response.tableMaxReadCapacityUnits());
        out.write("TableMaxWriteCapacityUnits", response.tableMaxWriteCapacityUnits());
        out.writeEnd();
    }

    public static void describeEndpoints(JsonGenerator out, DescribeEndpointsResponse response) {
        out.writeStartObject();
        out.writeStartArray("Endpoints");
        for (Endpoint endpoint : response.endpoints()) {
            out.writeStartObject();
            out.write("Address", endpoint.address());
            out.write("CachePeriodInMinutes", endpoint.cachePeriodInMinutes());
            out.writeEnd();
        }
        out.writeEnd();
        out.writeEnd();
    }

    private static void writeIfPresent(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.write(name, value);
        }
    }
}
