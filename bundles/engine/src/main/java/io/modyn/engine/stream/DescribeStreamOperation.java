package io.modyn.engine.stream;

import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.DescribeStreamResponse;
import io.modyn.api.streams.SequenceNumberRange;
import io.modyn.api.streams.Shard;
import io.modyn.api.streams.ShardFilter;
import io.modyn.api.streams.StreamDescription;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.StreamAccess;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.List;

/**
 * DescribeStream. A stream has one shard, open while the stream is enabled; ExclusiveStartShardId
 * pages by shard id order as DynamoDB's does, so a start at or past that shard lists none. A
 * ShardFilter of type CHILD_SHARDS asks for the shards split from the given one: a shard here is
 * never split, so the answer lists none, as DynamoDB's does for a shard without children.
 */
final class DescribeStreamOperation {

    private static final String ENABLED = "ENABLED";
    private static final String DISABLED = "DISABLED";
    private static final List<String> SHARD_FILTER_TYPES = List.of("CHILD_SHARDS");

    private final StreamLookup lookup;

    DescribeStreamOperation(StreamLookup lookup) {
        this.lookup = lookup;
    }

    DescribeStreamResponse execute(DescribeStreamRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ShardFilter filter = request.shardFilter();
        new ConstraintViolations()
                .notNull("streamArn", request.streamArn())
                .atLeast("limit", request.limit(), 1)
                .atMost("limit", request.limit(), 100)
                .lengthAtLeast("exclusiveStartShardId", request.exclusiveStartShardId(), 28)
                .lengthAtMost("exclusiveStartShardId", request.exclusiveStartShardId(), 65)
                .oneOf("shardFilter.type", filter == null ? null : filter.type(), SHARD_FILTER_TYPES)
                .lengthAtLeast("shardFilter.shardId", filter == null ? null : filter.shardId(), 28)
                .lengthAtMost("shardFilter.shardId", filter == null ? null : filter.shardId(), 65)
                .throwIfAny();
        StreamLookup.parse(request.streamArn());
        access.require(arns -> StreamAccess.describeStream(arns, request.streamArn()));
        StreamDirectory.Entry stream = lookup.require(bound, request.streamArn());
        StreamInfo info = stream.info();
        ShardState shard = ShardState.of(bound.storage(), stream);
        String startAfter = request.exclusiveStartShardId();
        List<Shard> shards = filter != null || startAfter != null && startAfter.compareTo(info.shardId()) >= 0 ? List.of()
                : List.of(new Shard(info.shardId(), null, new SequenceNumberRange(shard.startingSequenceNumber(), shard.endingSequenceNumber())));
        return new DescribeStreamResponse(new StreamDescription(request.streamArn(), info.key().label(), stream.enabled() ? ENABLED : DISABLED,
                info.viewType(), info.createdAt(), info.key().tableName(), info.keySchema(), shards, null));
    }
}
