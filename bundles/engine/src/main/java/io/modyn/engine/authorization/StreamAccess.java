package io.modyn.engine.authorization;

import io.modyn.api.auth.AuthorizationRequest;
import java.util.List;

/**
 * What the DynamoDB Streams API asks IAM: its action on the stream ARN
 * ({@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}).
 *
 * <pre>
 * operation         action                     resource
 * ListStreams       dynamodb:ListStreams       table/T/stream/* with TableName, else *
 * DescribeStream    dynamodb:DescribeStream    StreamArn
 * GetShardIterator  dynamodb:GetShardIterator  StreamArn
 * GetRecords        dynamodb:GetRecords        the stream ARN the shard iterator was issued for
 * </pre>
 */
public final class StreamAccess {

    private StreamAccess() {
    }

    /** @param tableName the TableName sent, or null for every table's streams */
    public static List<AuthorizationRequest> listStreams(ResourceArns arns, String tableName) {
        return List.of(new AuthorizationRequest("dynamodb:ListStreams", tableName == null ? ResourceArns.ANY : arns.streams(tableName)));
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
