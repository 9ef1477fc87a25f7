package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ComponentConfigFile;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.DynamoDbStreamsClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The two DynamoDB Streams limits that take DynamoDB minutes or hours to reach, through the SDK's
 * DynamoDbStreamsClient: a shard iterator expires 15 minutes after it was issued
 * (ExpiredIteratorException), and records are trimmed after 24 hours (TrimmedDataAccessException,
 * API reference of GetShardIterator and GetRecords: for an AT_SEQUENCE_NUMBER older than the trim
 * point, and for an iterator whose next record was trimmed before it was used). TRIM_HORIZON is
 * documented as starting at the oldest untrimmed record, so it skips what was trimmed without an
 * error.
 *
 * <p>The test's server is configured ({@code streamIteratorLifetimeSeconds},
 * {@code streamRetentionSeconds}, engine settings that exist for testing) with an iterator
 * lifetime of {@value #ITERATOR_LIFETIME_SECONDS} s and a retention of {@value #RETENTION_SECONDS} s.
 * The lifetime is the longer of the two so that an iterator can outlive the records it points at;
 * the retention runs every half retention, so trimming is awaited within a bound.
 */
class StreamLimitsTest {

    private static final int ITERATOR_LIFETIME_SECONDS = 12;
    private static final int RETENTION_SECONDS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startServerWithShortStreamLimits() {
        server = ModynServer.start("stream-limits");
        server.stop();
        ComponentConfigFile.append(server, ComponentConfigFile.ENGINE, Map.of("streamIteratorLifetimeSeconds", String.valueOf(ITERATOR_LIFETIME_SECONDS),
                "streamRetentionSeconds", String.valueOf(RETENTION_SECONDS)));
        server.restart();
        dynamo = DynamoDbClients.withoutRetries(server);
        streams = DynamoDbStreamsClients.withoutRetries(server);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (streams != null) streams.close();
        if (server != null) server.close();
    }

    @Test
    void anIteratorUsedAfterItsLifetimeHasExpired() {
        String streamArn = createTableWithStream("expiry");
        String shardId = shardId(streamArn);
        String iterator = iterator(streamArn, shardId, ShardIteratorType.LATEST, null);
        streams.getRecords(get -> get.shardIterator(iterator)); // valid when issued

        ExpiredIteratorException expired = awaitFailure("the iterator expires", ExpiredIteratorException.class,
                () -> streams.getRecords(get -> get.shardIterator(iterator)));
        assertEquals("The provided iterator exceeds the maximum age allowed", expired.awsErrorDetails().errorMessage());
        // A fresh iterator for the same shard reads again.
        assertEquals(List.of(), streams.getRecords(get -> get.shardIterator(iterator(streamArn, shardId, ShardIteratorType.LATEST, null))).records());
    }

    @Test
    void trimmedRecordsCannotBeReadAndTrimHorizonStartsAfterThem() {
        String streamArn = createTableWithStream("trim");
        String table = streams.describeStream(describe -> describe.streamArn(streamArn)).streamDescription().tableName();
        String shardId = shardId(streamArn);
        dynamo.putItem(put -> put.tableName(table).item(Map.of("id", s("first"))));
        String earlyIterator = iterator(streamArn, shardId, ShardIteratorType.TRIM_HORIZON, null);
        List<Record> before = streams.getRecords(get -> get.shardIterator(iterator(streamArn, shardId, ShardIteratorType.TRIM_HORIZON, null)))
                .records();
        assertEquals(1, before.size());
        String firstSequence = before.get(0).dynamodb().sequenceNumber();

        TrimmedDataAccessException trimmed = awaitFailure("the first record is trimmed", TrimmedDataAccessException.class,
                () -> iterator(streamArn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, firstSequence));
        assertEquals("The data you are trying to access has been trimmed", trimmed.awsErrorDetails().errorMessage());
        assertThrows(TrimmedDataAccessException.class, () -> streams.getRecords(get -> get.shardIterator(earlyIterator)),
                "an iterator issued before the trim, whose next record is gone");

        dynamo.putItem(put -> put.tableName(table).item(Map.of("id", s("second"))));
        List<Record> after = streams.getRecords(get -> get.shardIterator(iterator(streamArn, shardId, ShardIteratorType.TRIM_HORIZON, null)))
                .records();
        assertEquals(List.of("second"), after.stream().map(record -> record.dynamodb().keys().get("id").s()).toList());
        assertTrue(new BigInteger(after.get(0).dynamodb().sequenceNumber()).compareTo(new BigInteger(firstSequence)) > 0,
                "sequence numbers keep growing");
    }

    private static String createTableWithStream(String purpose) {
        String table = TestTables.uniqueName(purpose);
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(TestTables.definition("id", ScalarAttributeType.S))
                .keySchema(TestTables.key("id", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        return TestTables.awaitActive(dynamo, table).latestStreamArn();
    }

    private static String shardId(String streamArn) {
        return streams.describeStream(describe -> describe.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    }

    private static String iterator(String streamArn, String shardId, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** Repeats {@code call} until it fails with {@code type}, which it returns; any other failure fails the test. */
    private static <T extends RuntimeException> T awaitFailure(String what, Class<T> type, Runnable call) {
        Object[] failure = new Object[1];
        Eventually.await(what, TIMEOUT, () -> {
            try {
                call.run();
                return false;
            } catch (RuntimeException e) {
                if (!type.isInstance(e)) throw new AssertionError("Expected " + type.getSimpleName() + " but got " + e, e);
                failure[0] = e;
                return true;
            }
        });
        return type.cast(failure[0]);
    }
}
