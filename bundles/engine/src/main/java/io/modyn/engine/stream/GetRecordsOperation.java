package io.modyn.engine.stream;

import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.StreamAccess;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GetRecords: up to Limit records (default and maximum 1000, at most about 1 MB) after the
 * iterator's position. Iterators expire once their lifetime (DynamoDB's: 15 minutes) has passed since they were issued; one whose next record
 * was trimmed fails with TrimmedDataAccessException. A closed shard read to its end returns no
 * NextShardIterator, as DynamoDB's.
 */
final class GetRecordsOperation {

    private static final int MAX_LIMIT = 1000;
    private static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private final StreamLookup lookup;
    private final ChangeRecords changeRecords;
    private final long iteratorLifetimeMillis;
    private final Clock clock;

    GetRecordsOperation(StreamLookup lookup, ChangeRecords changeRecords, Duration iteratorLifetime, Clock clock) {
        this.lookup = lookup;
        this.changeRecords = changeRecords;
        this.iteratorLifetimeMillis = iteratorLifetime.toMillis();
        this.clock = clock;
    }

    GetRecordsResponse execute(GetRecordsRequest request, StorageBinding.Bound bound, AccessCheck access) {
        new ConstraintViolations()
                .notNull("shardIterator", request.shardIterator())
                .lengthAtLeast("shardIterator", request.shardIterator(), 1)
                .lengthAtMost("shardIterator", request.shardIterator(), 2048)
                .atLeast("limit", request.limit(), 1)
                .atMost("limit", request.limit(), MAX_LIMIT)
                .throwIfAny();
        ShardIterators.Position position = ShardIterators.decode(request.shardIterator());
        if (position == null || StreamKey.parse(position.streamArn()) == null) throw StreamErrors.invalidShardIterator();
        long now = clock.millis();
        if (now - position.issuedMillis() > iteratorLifetimeMillis) throw StreamErrors.expiredIterator();

        access.require(arns -> StreamAccess.getRecords(arns, position.streamArn()));
        StreamDirectory.Entry stream = lookup.requireShard(bound, position.streamArn(), position.shardId());
        ShardState shard = ShardState.of(bound.storage(), stream);
        if (position.afterSequence() + 1 < shard.first()) throw StreamErrors.trimmed();

        int limit = request.limit() == null ? MAX_LIMIT : request.limit();
        List<ChangeRecord> records = new ArrayList<>();
        long after = position.afterSequence();
        long bytes = 0;
        for (StoredChange change : StreamLog.after(bound.storage(), stream.info().keyspace(), after, limit)) {
            if (!records.isEmpty() && bytes + change.sizeBytes() > MAX_RESPONSE_BYTES) break;
            records.add(changeRecords.of(change, stream.info(), position.streamArn()));
            bytes += change.sizeBytes();
            after = change.sequence();
        }
        boolean readToEnd = !shard.open() && after >= shard.last();
        String next = readToEnd ? null
                : ShardIterators.encode(new ShardIterators.Position(position.streamArn(), position.shardId(), after, now));
        return new GetRecordsResponse(records, next);
    }
}
