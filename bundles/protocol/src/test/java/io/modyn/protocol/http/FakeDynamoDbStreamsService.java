package io.modyn.protocol.http;

import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.DescribeStreamResponse;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.GetShardIteratorResponse;
import io.modyn.api.streams.ListStreamsRequest;
import io.modyn.api.streams.ListStreamsResponse;
import io.modyn.api.streams.StreamRecord;
import io.modyn.api.streams.StreamSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the engine's streams at unit level: one stream of table "items" holding one
 * INSERT record, read through the iterator "it-0"; any other iterator has expired.
 */
final class FakeDynamoDbStreamsService implements DynamoDbStreamsService {

    static final String STREAM_ARN = "arn:aws:dynamodb:eu-west-1:000000000000:table/items/stream/2024-01-01T00:00:00.000";

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request, RequestContext context) {
        return new ListStreamsResponse(List.of(new StreamSummary(STREAM_ARN, "items", "2024-01-01T00:00:00.000")), null);
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request, RequestContext context) {
        throw DynamoException.resourceNotFound("Requested resource not found: Stream: " + request.streamArn() + " not found");
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request, RequestContext context) {
        return new GetShardIteratorResponse("it-0");
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request, RequestContext context) {
        if (!"it-0".equals(request.shardIterator())) {
            throw new DynamoException(ErrorType.EXPIRED_ITERATOR, "Iterator expired");
        }
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.s("1"));
        StreamRecord change = new StreamRecord(Instant.ofEpochSecond(1_704_067_200L), key, null, null, "100", 12, "KEYS_ONLY");
        return new GetRecordsResponse(List.of(new ChangeRecord("e1", "INSERT", "1.1", "aws:dynamodb", "eu-west-1", change, null)),
                "it-1");
    }
}
