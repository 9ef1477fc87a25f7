package io.modyn.engine.authorization;

import io.modyn.api.auth.AuthorizationRequest;
import java.util.List;

/**
 * What the DynamoDB Streams API asks IAM: its action on the stream ARN
 * ({@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}).
 *
 * <pre>
 * operation         action                     resource
 * ListStreams       dynamodb:ListStreams       * (IAM defines no resource type for it, even with TableName)
 * DescribeStream    dynamodb:DescribeStream    StreamArn
 * GetShardIterator  dynamodb:GetShardIterator  StreamArn
 * GetRecords        dynamodb:GetRecords        the stream ARN the shard iterator was issued for
 * </pre>
 */
public final class StreamAccess {

    private StreamAccess() {
    }

    public static List<AuthorizationRequest> listStreams(ResourceArns arns) {
        return List.of(new AuthorizationRequest("dynamodb:ListStreams", ResourceArns.ANY));
    }

    public static List<AuthorizationRequest> describeStream(ResourceArns arns, String streamArn) {
        return List.of(new AuthorizationRequest("dynamodb:DescribeStream", streamArn));
    }

    public static List<AuthorizationRequest> getShardIterator(ResourceArns arns, String streamArn) {
        return List.of(new AuthorizationRequest("dynamodb:GetShardIterator", streamArn));
    }

    public static List<AuthorizationRequest> getRecords(ResourceArns arns, String streamArn) {
        return List.of(new AuthorizationRequest("dynamodb:GetRecords", streamArn));
    }
}
