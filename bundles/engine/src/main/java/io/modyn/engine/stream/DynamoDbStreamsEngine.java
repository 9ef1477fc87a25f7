package io.modyn.engine.stream;

import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.StorageException;
import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.DescribeStreamResponse;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.GetShardIteratorResponse;
import io.modyn.api.streams.ListStreamsRequest;
import io.modyn.api.streams.ListStreamsResponse;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AuthorizerBinding;
import io.modyn.engine.authorization.ResourceArns;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The DynamoDB Streams API over whichever storage backend is bound: dispatches each call to its
 * operation and turns storage failures into DynamoDB errors. The operations only read, so a
 * storage conflict cannot happen here; an unavailable backend answers a retryable error.
 */
final class DynamoDbStreamsEngine implements DynamoDbStreamsService {

    private final StorageBinding storage;
    private final AuthorizerBinding authorizers;
    private final ResourceArns arns;
    private final ListStreamsOperation listStreams;
    private final DescribeStreamOperation describeStream;
    private final GetShardIteratorOperation getShardIterator;
    private final GetRecordsOperation getRecords;

    DynamoDbStreamsEngine(StorageBinding storage, EngineSettings settings, StreamDirectory directory, Duration iteratorLifetime, Clock clock,
            AuthorizerBinding authorizers) {
        this.storage = storage;
        this.authorizers = authorizers;
        this.arns = new ResourceArns(settings);
        StreamLookup lookup = new StreamLookup(settings, directory);
        this.listStreams = new ListStreamsOperation(settings, directory);
        this.describeStream = new DescribeStreamOperation(lookup);
        this.getShardIterator = new GetShardIteratorOperation(lookup, clock);
        this.getRecords = new GetRecordsOperation(lookup, new ChangeRecords(settings.region()), iteratorLifetime, clock);
    }

    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request, RequestContext context) {
        return run(bound -> listStreams.execute(request, bound, authorizers.forRequest(context, arns, storage)));
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request, RequestContext context) {
        return run(bound -> describeStream.execute(request, bound, authorizers.forRequest(context, arns, storage)));
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request, RequestContext context) {
        return run(bound -> getShardIterator.execute(request, bound, authorizers.forRequest(context, arns, storage)));
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request, RequestContext context) {
        return run(bound -> getRecords.execute(request, bound, authorizers.forRequest(context, arns, storage)));
    }

    private <T> T run(Function<StorageBinding.Bound, T> operation) {
        try {
            return operation.apply(storage.require());
        } catch (StorageException e) {
            if (e.retryable()) throw new DynamoException(ErrorType.SERVICE_UNAVAILABLE, "The storage backend is not available; retry the request", e);
            throw DynamoException.internal("Internal server error", e);
        }
    }
}
