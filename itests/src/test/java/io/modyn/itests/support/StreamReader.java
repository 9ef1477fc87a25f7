package io.modyn.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a whole stream the way a consumer does: DescribeStream for the shards (following
 * LastEvaluatedShardId), each shard from TRIM_HORIZON with GetRecords and NextShardIterator until
 * the shard is closed (no next iterator) or caught up (an empty page), parents before children so
 * that the records of one item come out in the order they were written.
 *
 * <p>DynamoDB documents stream records as appearing in near real time, so tests {@link #await}
 * the records they expect within a bound instead of reading once.
 */
public final class StreamReader {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Bounds the GetRecords calls on one shard, so a server that never reports the end cannot hang a test. */
    private static final int MAX_PAGES_PER_SHARD = 10_000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;

    public StreamReader(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    /** Every record the stream holds now, shard by shard, parents first. */
    public List<Record> readAll() {
        List<Record> records = new ArrayList<>();
        for (Shard shard : shardsParentsFirst()) records.addAll(readShard(shard.shardId()));
        return records;
    }

    /**
     * Reads the stream until {@code complete} holds for everything read, and returns what was read;
     * fails with the last reading if it does not hold within {@code timeout}.
     */
    public List<Record> await(String what, Duration timeout, Predicate<List<Record>> complete) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Record> records = readAll();
            if (complete.test(records)) return records;
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + what + "; the stream holds " + records);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** All shards of the stream, in an order where a shard comes after its parent. */
    public List<Shard> shardsParentsFirst() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = streams.describeStream(describe -> describe.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        List<Shard> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> known = new HashSet<>();
        shards.forEach(shard -> known.add(shard.shardId()));
        while (ordered.size() < shards.size()) {
            int before = ordered.size();
            for (Shard shard : shards) {
                boolean parentPlaced = shard.parentShardId() == null || !known.contains(shard.parentShardId())
                        || placed.contains(shard.parentShardId());
                if (!placed.contains(shard.shardId()) && parentPlaced) {
                    ordered.add(shard);
                    placed.add(shard.shardId());
                }
            }
            if (ordered.size() == before) throw new AssertionError("The shards of " + streamArn + " form a cycle: " + shards);
        }
        return ordered;
    }

    /** The records of one shard from its trim horizon to its end or to where the writers are now. */
    public List<Record> readShard(String shardId) {
        String iterator = streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return readFrom(iterator).records();
    }

    /** Records read from {@code iterator} until the shard ends or a page comes back empty, and the iterator to go on with. */
    public Reading readFrom(String iterator) {
        List<Record> records = new ArrayList<>();
        String next = iterator;
        for (int page = 0; next != null && page < MAX_PAGES_PER_SHARD; page++) {
            String current = next;
            GetRecordsResponse response = streams.getRecords(get -> get.shardIterator(current));
            records.addAll(response.records());
            next = response.nextShardIterator();
            if (response.records().isEmpty()) return new Reading(records, next);
        }
        if (next != null) throw new AssertionError("Shard iterator of " + streamArn + " never caught up after " + MAX_PAGES_PER_SHARD + " pages");
        return new Reading(records, null);
    }

    /** What one reading returned and where to continue ({@code nextIterator} null once the shard is closed and read). */
    public record Reading(List<Record> records, String nextIterator) {
    }
}
