package io.modyn.protocol.operation;

import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.protocol.json.StreamsRequestReader;
import io.modyn.protocol.json.StreamsResponseWriter;
import java.util.List;

/**
 * The operations of the DynamoDB Streams API, by {@code X-Amz-Target}
 * ({@code DynamoDBStreams_20120810.<Operation>}). The AWS SDKs send them with the same JSON 1.0
 * protocol and content type as the DynamoDB API, signed for service {@code dynamodb}.
 */
public final class DynamoDbStreamsOperations {

    static final String TARGET_PREFIX = "DynamoDBStreams_20120810.";

    private static final List<Operation<DynamoDbStreamsService, ?, ?>> ALL = List.of(
            new Operation<>("ListStreams", StreamsRequestReader::listStreams, DynamoDbStreamsService::listStreams,
                    StreamsResponseWriter::listStreams),
            new Operation<>("DescribeStream", StreamsRequestReader::describeStream, DynamoDbStreamsService::describeStream,
                    StreamsResponseWriter::describeStream),
            new Operation<>("GetShardIterator", StreamsRequestReader::getShardIterator, DynamoDbStreamsService::getShardIterator,
                    StreamsResponseWriter::getShardIterator),
            new Operation<>("GetRecords", StreamsRequestReader::getRecords, DynamoDbStreamsService::getRecords,
                    StreamsResponseWriter::getRecords));

    private DynamoDbStreamsOperations() {
    }

    static List<Operation<DynamoDbStreamsService, ?, ?>> all() {
        return ALL;
    }
}
