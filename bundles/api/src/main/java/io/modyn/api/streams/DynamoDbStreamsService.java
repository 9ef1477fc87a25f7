package io.modyn.api.streams;

import io.modyn.api.dynamodb.RequestContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The DynamoDB Streams API ({@code DynamoDBStreams_20120810.*}): implemented by the engine,
 * called by wire protocols. Errors are thrown as {@link io.modyn.api.model.DynamoException}.
 */
@ProviderType
public interface DynamoDbStreamsService {

    ListStreamsResponse listStreams(ListStreamsRequest request, RequestContext context);

    DescribeStreamResponse describeStream(DescribeStreamRequest request, RequestContext context);

    GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request, RequestContext context);

    GetRecordsResponse getRecords(GetRecordsRequest request, RequestContext context);
}
