package io.modyn.protocol.json;

import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;

/**
 * Reads the control-plane requests beside the table lifecycle: time to live (UpdateTimeToLive,
 * DescribeTimeToLive), tagging (TagResource, UntagResource, ListTagsOfResource), resource-based
 * policies (PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy), and the
 * account-level DescribeLimits and DescribeEndpoints, which take no parameters.
 */
public final class ControlRequestReader {

    private ControlRequestReader() {
    }

    public static UpdateTimeToLiveRequest updateTimeToLive(JsonInput in) {
        String tableName = null;
        TimeToLiveSpecification specification = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "TimeToLiveSpecification" -> specification = readTimeToLiveSpecification(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new UpdateTimeToLiveRequest(tableName, specification);
    }

    public static DescribeTimeToLiveRequest describeTimeToLive(JsonInput in) {
        String tableName = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("TableName")) {
                tableName = in.readString();
            } else {
                in.skipValue();
            }
        }
        in.endRequest();
        return new DescribeTimeToLiveRequest(tableName);
    }

    public static TagResourceRequest tagResource(JsonInput in) {
        String resourceArn = null;
        List<Tag> tags = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ResourceArn" -> resourceArn = in.readString();
                case "Tags" -> tags = TableRequestReader.readTags(in);
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new TagResourceRequest(resourceArn, tags);
    }

    public static UntagResourceRequest untagResource(JsonInput in) {
        String resourceArn = null;
        List<String> tagKeys = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ResourceArn" -> resourceArn = in.readString();
                case "TagKeys" -> tagKeys = in.readStringList();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new UntagResourceRequest(resourceArn, tagKeys);
    }

    public static ListTagsOfResourceRequest listTagsOfResource(JsonInput in) {
        String resourceArn = null;
        String nextToken = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ResourceArn" -> resourceArn = in.readString();
                case "NextToken" -> nextToken = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ListTagsOfResourceRequest(resourceArn, nextToken);
    }

    public static PutResourcePolicyRequest putResourcePolicy(JsonInput in) {
        String resourceArn = null;
        String policy = null;
        String expectedRevisionId = null;
        Boolean confirmRemoveSelfResourceAccess = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ResourceArn" -> resourceArn = in.readString();
                case "Policy" -> policy = in.readString();
                case "ExpectedRevisionId" -> expectedRevisionId = in.readString();
                case "ConfirmRemoveSelfResourceAccess" -> confirmRemoveSelfResourceAccess = in.readBoolean();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new PutResourcePolicyRequest(resourceArn, policy, expectedRevisionId, confirmRemoveSelfResourceAccess);
    }

    public static GetResourcePolicyRequest getResourcePolicy(JsonInput in) {
        String resourceArn = null;
        in.beginRequest();
        while (in.nextMember()) {
            if (in.memberName().equals("ResourceArn")) {
                resourceArn = in.readString();
            } else {
                in.skipValue();
            }
        }
        in.endRequest();
        return new GetResourcePolicyRequest(resourceArn);
    }

    public static DeleteResourcePolicyRequest deleteResourcePolicy(JsonInput in) {
        String resourceArn = null;
        String expectedRevisionId = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ResourceArn" -> resourceArn = in.readString();
                case "ExpectedRevisionId" -> expectedRevisionId = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new DeleteResourcePolicyRequest(resourceArn, expectedRevisionId);
    }

    /**
     * The request of an operation without parameters (DescribeLimits, DescribeEndpoints): the body
     * must still be one JSON object, whatever members it has.
     */
    public static Void withoutMembers(JsonInput in) {
        in.beginRequest();
        while (in.nextMember()) {
            in.skipValue();
        }
        in.endRequest();
        return null;
    }

    private static TimeToLiveSpecification readTimeToLiveSpecification(JsonInput in) {
        if (!in.beginStruct("TimeToLiveSpecification", Placement.FIELD)) {
            return null;
        }
        Boolean enabled = null;
        String attributeName = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Enabled" -> enabled = in.readBoolean();
                case "AttributeName" -> attributeName = in.readString();
                default -> in.skipValue();
            }
        }
        return new TimeToLiveSpecification(enabled, attributeName);
    }
}
