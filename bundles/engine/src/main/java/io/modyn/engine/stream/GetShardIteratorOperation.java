package io.modyn.engine.stream;

import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.GetShardIteratorResponse;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.StreamAccess;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Clock;
import java.util.List;

/**
 * GetShardIterator: resolves the iterator type to a position (read the records after sequence n)
 * at the time of the request. TRIM_HORIZON starts at the oldest record kept, LATEST after the last
 * one; AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER accept any number up to the next one to be
 * issued (a fresh shard's StartingSequenceNumber) and fail with TrimmedDataAccessException when
 * what they would read first has been trimmed.
 */
final class GetShardIteratorOperation {

    static final String TRIM_HORIZON = "TRIM_HORIZON";
    static final String LATEST = "LATEST";
    static final String AT_SEQUENCE_NUMBER = "AT_SEQUENCE_NUMBER";
    static final String AFTER_SEQUENCE_NUMBER = "AFTER_SEQUENCE_NUMBER";
    private static final List<String> TYPES = List.of(TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER);

    private final StreamLookup lookup;
    private final Clock clock;

    GetShardIteratorOperation(StreamLookup lookup, Clock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    GetShardIteratorResponse execute(GetShardIteratorRequest request, StorageBinding.Bound bound, AccessCheck access) {
        new ConstraintViolations()
                .notNull("streamArn", request.streamArn())
                .notNull("shardId", request.shardId())
                .lengthAtLeast("shardId", request.shardId(), 28)
                .lengthAtMost("shardId", request.shardId(), 65)
                .notNull("shardIteratorType", request.shardIteratorType())
                .oneOf("shardIteratorType", request.shardIteratorType(), TYPES)
                .lengthAtLeast("sequenceNumber", request.sequenceNumber(), 21)
                .lengthAtMost("sequenceNumber", request.sequenceNumber(), 40)
                .throwIfAny();
        StreamLookup.parse(request.streamArn());
        String type = request.shardIteratorType();
        boolean bySequence = type.equals(AT_SEQUENCE_NUMBER) || type.equals(AFTER_SEQUENCE_NUMBER);
        if (bySequence && request.sequenceNumber() == null) throw StreamErrors.sequenceNumberRequired(type);
        if (!bySequence && request.sequenceNumber() != null) throw StreamErrors.sequenceNumberNotAllowed(type);

        access.require(arns -> StreamAccess.getShardIterator(arns, request.streamArn()));
        StreamDirectory.Entry stream = lookup.requireShard(bound, request.streamArn(), request.shardId());
        ShardState shard = ShardState.of(bound.storage(), stream);
        long after = switch (type) {
            case TRIM_HORIZON -> shard.first() - 1;
            case LATEST -> shard.last();
            default -> afterSequence(type, request.sequenceNumber(), request.shardId(), shard);
        };
        return new GetShardIteratorResponse(ShardIterators.encode(
                new ShardIterators.Position(request.streamArn(), request.shardId(), after, clock.millis())));
    }

    private static long afterSequence(String type, String sequenceNumber, String shardId, ShardState shard) {
        long n = SequenceNumbers.parse(sequenceNumber);
        if (n < 0 || n > shard.last() + 1) throw StreamErrors.invalidSequenceNumber(sequenceNumber, shardId);
        long after = type.equals(AT_SEQUENCE_NUMBER) ? n - 1 : n;
        if (after + 1 < shard.first()) throw StreamErrors.trimmed();
        return after;
    }
}
