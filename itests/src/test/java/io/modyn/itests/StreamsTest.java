package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationErrorStartingWith;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.DynamoDbStreamsClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StreamReader;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams API on the server's endpoint, through the SDK's DynamoDbStreamsClient:
 * StreamSpecification on CreateTable and UpdateTable (and their validation), LatestStreamArn and
 * LatestStreamLabel in DescribeTable, ListStreams (filtered and paged), DescribeStream, every
 * GetShardIterator type (TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER), and
 * GetRecords with Limit and NextShardIterator. What the records say is {@link StreamRecordsTest}'s
 * subject.
 *
 * <p>ExpiredIteratorException (15-minute iterators) and TrimmedDataAccessException (24-hour
 * retention) are covered by StreamLimitsTest, on a server configured with shorter periods.
 *
 * <p>Error codes for malformed requests are those Alternator's test suite records from DynamoDB
 * (test/alternator/test_streams.py); UpdateTable and CreateTable messages are from captures
 * against DynamoDB (ack-api-quirks, DDB-TABLE-035 and DDB-TABLE-050).
 */
@ExtendWith(SharedModynServer.class)
class StreamsTest {

    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final Duration RECORDS_TIMEOUT = Duration.ofSeconds(10);

    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void connect(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        streams = DynamoDbStreamsClients.withoutRetries(server);
    }

    @AfterAll
    static void closeClients() {
        dynamo.close();
        streams.close();
    }

    @Test
    void createTableAndDescribeTableReportTheStream() {
        String name = TestTables.uniqueName("stream-describe");
        TableDescription created = dynamo.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription();
        TableDescription described = TestTables.awaitActive(dynamo, name);

        assertAll(
                () -> assertNotNull(created.latestStreamLabel(), "CreateTable answers LatestStreamLabel"),
                () -> assertEquals(created.latestStreamArn(), described.latestStreamArn()),
                () -> assertEquals(created.latestStreamLabel(), described.latestStreamLabel()),
                () -> assertEquals(described.tableArn() + "/stream/" + described.latestStreamLabel(), described.latestStreamArn()),
                () -> assertTrue(described.streamSpecification().streamEnabled()),
                () -> assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, described.streamSpecification().streamViewType()));
    }

    @Test
    void aTableWithoutStreamHasNoneListed() {
        String name = TestTables.createHashTable(dynamo, "no-stream", ScalarAttributeType.S);

        TableDescription described = dynamo.describeTable(describe -> describe.tableName(name)).table();
        assertNull(described.latestStreamArn());
        assertTrue(streams.listStreams(list -> list.tableName(name)).streams().isEmpty());
    }

    @Test
    void listStreamsFilteredByTableAnswersItsStream() {
        String name = createStreamTable("stream-list", StreamViewType.KEYS_ONLY);
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(name)).table();

        ListStreamsResponse listed = streams.listStreams(list -> list.tableName(name));

        assertEquals(1, listed.streams().size());
        assertEquals(table.latestStreamArn(), listed.streams().get(0).streamArn());
        assertEquals(name, listed.streams().get(0).tableName());
        assertEquals(table.latestStreamLabel(), listed.streams().get(0).streamLabel());
    }

    @Test
    void listStreamsPagesWithLimitAndExclusiveStartStreamArn() {
        String first = createStreamTable("stream-page", StreamViewType.KEYS_ONLY);
        String second = createStreamTable("stream-page", StreamViewType.KEYS_ONLY);
        Set<String> wanted = new HashSet<>(Set.of(first, second));
        List<String> arns = new ArrayList<>();

        ListStreamsResponse page = streams.listStreams(list -> list.limit(1));
        assertEquals(1, page.streams().size());
        assertNotNull(page.lastEvaluatedStreamArn(), "more streams than the limit: a LastEvaluatedStreamArn");
        for (int pages = 0; ; pages++) {
            page.streams().forEach(stream -> {
                arns.add(stream.streamArn());
                wanted.remove(stream.tableName());
            });
            if (page.lastEvaluatedStreamArn() == null || pages > 10_000) break;
            String start = page.lastEvaluatedStreamArn();
            page = streams.listStreams(list -> list.limit(1).exclusiveStartStreamArn(start));
        }

        assertEquals(Set.of(), wanted, "both streams listed");
        assertEquals(arns.size(), new HashSet<>(arns).size(), "no stream listed twice: " + arns);
    }

    @Test
    void describeStreamDescribesTheStreamAndItsShards() {
        String name = createStreamTable("stream-shards", StreamViewType.NEW_IMAGE);
        TableDescription table = dynamo.describeTable(describe -> describe.tableName(name)).table();

        StreamDescription stream = streams.describeStream(describe -> describe.streamArn(table.latestStreamArn()))
                .streamDescription();

        assertAll(
                () -> assertEquals(table.latestStreamArn(), stream.streamArn()),
                () -> assertEquals(table.latestStreamLabel(), stream.streamLabel()),
                () -> assertEquals(StreamStatus.ENABLED, stream.streamStatus()),
                () -> assertEquals(StreamViewType.NEW_IMAGE, stream.streamViewType()),
                () -> assertEquals(name, stream.tableName()),
                () -> assertEquals(List.of(key("pk", KeyType.HASH)), stream.keySchema()),
                () -> assertNotNull(stream.creationRequestDateTime()),
                () -> assertFalse(stream.shards().isEmpty(), "at least one shard"),
                () -> assertNull(stream.shards().get(0).parentShardId(), "a new stream's first shard has no parent"));
        for (Shard shard : stream.shards()) {
            assertTrue(!shard.shardId().isEmpty() && shard.shardId().length() <= 65, "ShardId " + shard.shardId());
            assertTrue(shard.sequenceNumberRange().startingSequenceNumber().matches("[0-9]+"),
                    "StartingSequenceNumber is decimal digits: " + shard.sequenceNumberRange());
        }
    }

    @Test
    void aShardFilterForChildShardsListsTheChildrenOfTheShard() {
        String name = createStreamTable("stream-children", StreamViewType.KEYS_ONLY);
        String arn = dynamo.describeTable(describe -> describe.tableName(name)).table().latestStreamArn();
        String shardId = streams.describeStream(describe -> describe.streamArn(arn)).streamDescription().shards().get(0).shardId();

        // An open shard that was never split has no children; the SDK's KCL adapter polls so for new shards.
        StreamDescription children = streams.describeStream(describe -> describe.streamArn(arn)
                .shardFilter(filter -> filter.type(ShardFilterType.CHILD_SHARDS).shardId(shardId))).streamDescription();

        assertEquals(arn, children.streamArn());
        assertEquals(List.of(), children.shards());
        assertValidationError("1 validation error detected: Value 'PARENT_SHARDS' at 'shardFilter.type' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [CHILD_SHARDS]", () -> streams.describeStream(describe -> describe.streamArn(arn)
                        .shardFilter(filter -> filter.type("PARENT_SHARDS").shardId(shardId))));
    }

    @Test
    void everyIteratorTypeStartsWhereItSays() {
        String name = createStreamTable("stream-iterators", StreamViewType.KEYS_ONLY);
        String arn = streamArn(name);
        put(name, "a");
        put(name, "b");
        put(name, "c");
        StreamReader reader = new StreamReader(streams, arn);
        List<Record> all = reader.await("three records", RECORDS_TIMEOUT, records -> records.size() == 3);
        String shard = shardOf(arn, all.get(1));
        String bSequence = all.get(1).dynamodb().sequenceNumber();

        assertEquals(List.of("a", "b", "c"), keys(reader.readFrom(iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null)).records()));
        assertEquals(List.of("b", "c"), keys(reader.readFrom(iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, bSequence)).records()));
        assertEquals(List.of("c"), keys(reader.readFrom(iterator(arn, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, bSequence)).records()));

        String latest = iterator(arn, shard, ShardIteratorType.LATEST, null);
        StreamReader.Reading before = reader.readFrom(latest);
        assertEquals(List.of(), before.records(), "LATEST starts after the last record");
        assertNotNull(before.nextIterator(), "an open shard always has a next iterator");
        put(name, "d");
        assertEquals(List.of("d"), keys(reader.readFrom(before.nextIterator()).records()));
    }

    @Test
    void getRecordsHonoursLimitAndNextShardIteratorContinues() {
        String name = createStreamTable("stream-limit", StreamViewType.KEYS_ONLY);
        String arn = streamArn(name);
        for (int i = 0; i < 5; i++) put(name, "item-" + i);
        StreamReader reader = new StreamReader(streams, arn);
        List<Record> all = reader.await("five records", RECORDS_TIMEOUT, records -> records.size() == 5);

        String next = iterator(arn, shardOf(arn, all.get(0)), ShardIteratorType.TRIM_HORIZON, null);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 20 && seen.size() < 5; page++) {
            String current = next;
            GetRecordsResponse response = streams.getRecords(get -> get.shardIterator(current).limit(2));
            assertTrue(response.records().size() <= 2, "Limit 2 answered " + response.records().size());
            seen.addAll(keys(response.records()));
            next = response.nextShardIterator();
            assertNotNull(next, "an open shard always has a next iterator");
        }

        assertEquals(List.of("item-0", "item-1", "item-2", "item-3", "item-4"), seen);
    }

    @Test
    void updateTableEnablesDisablesAndReEnablesTheStream() {
        String name = TestTables.createHashTable(dynamo, "stream-toggle", ScalarAttributeType.S);

        dynamo.updateTable(update -> update.tableName(name)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        TableDescription enabled = TestTables.awaitActive(dynamo, name);
        assertEquals(StreamViewType.KEYS_ONLY, enabled.streamSpecification().streamViewType());
        String firstArn = enabled.latestStreamArn();
        assertNotNull(firstArn);
        put(name, "while-enabled");
        new StreamReader(streams, firstArn).await("the write's record", RECORDS_TIMEOUT, records -> records.size() == 1);

        dynamo.updateTable(update -> update.tableName(name).streamSpecification(spec -> spec.streamEnabled(false)));
        TableDescription disabled = TestTables.awaitActive(dynamo, name);
        assertTrue(disabled.streamSpecification() == null || !disabled.streamSpecification().streamEnabled(),
                "no enabled stream: " + disabled.streamSpecification());
        assertEquals(firstArn, disabled.latestStreamArn(), "LatestStreamArn outlives the disabled stream");
        StreamStatus oldStatus = streams.describeStream(describe -> describe.streamArn(firstArn)).streamDescription().streamStatus();
        assertTrue(oldStatus == StreamStatus.DISABLING || oldStatus == StreamStatus.DISABLED, "old stream " + oldStatus);

        dynamo.updateTable(update -> update.tableName(name)
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        TableDescription reEnabled = TestTables.awaitActive(dynamo, name);
        assertNotEquals(firstArn, reEnabled.latestStreamArn(), "a re-enabled stream is a new stream");
        assertEquals(StreamViewType.NEW_IMAGE, reEnabled.streamSpecification().streamViewType());
    }

    @Test
    void enablingAnEnabledStreamIsRefused() {
        String name = createStreamTable("stream-twice", StreamViewType.KEYS_ONLY);

        assertValidationError("Table already has an enabled stream: TableName: " + name,
                () -> dynamo.updateTable(update -> update.tableName(name)
                        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))));
    }

    @Test
    void disablingWithoutAStreamIsRefused() {
        String name = TestTables.createHashTable(dynamo, "stream-none", ScalarAttributeType.S);

        assertValidationError("Table has no stream to disable: TableName: " + name,
                () -> dynamo.updateTable(update -> update.tableName(name).streamSpecification(spec -> spec.streamEnabled(false))));
    }

    @Test
    void enablingWithoutViewTypeIsRefused() {
        String name = TestTables.createHashTable(dynamo, "stream-no-view", ScalarAttributeType.S);

        assertValidationError(INVALID + "If stream is being enabled then UpdateViewType is required",
                () -> dynamo.updateTable(update -> update.tableName(name).streamSpecification(spec -> spec.streamEnabled(true))));
    }

    @Test
    void disablingWithAViewTypeIsRefused() {
        String name = createStreamTable("stream-disable-view", StreamViewType.KEYS_ONLY);

        assertValidationError(INVALID + "If stream is being disabled, then UpdateViewType must not be specified",
                () -> dynamo.updateTable(update -> update.tableName(name)
                        .streamSpecification(spec -> spec.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))));
    }

    @Test
    void createTableWithAnEnabledStreamNeedsAViewType() {
        assertValidationError(INVALID + "Table is being created with a stream enabled, UpdateViewType is required",
                () -> dynamo.createTable(create -> create.tableName(TestTables.uniqueName("stream-bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                        .streamSpecification(spec -> spec.streamEnabled(true))));
    }

    @Test
    void createTableWithADisabledStreamTakesNoViewType() {
        assertValidationError(INVALID + "Table is being created with a stream disabled, UpdateViewType should not be specified",
                () -> dynamo.createTable(create -> create.tableName(TestTables.uniqueName("stream-bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                        .streamSpecification(spec -> spec.streamEnabled(false).streamViewType(StreamViewType.NEW_IMAGE))));
    }

    @Test
    void unknownViewTypeIsAConstraintViolation() {
        // The order of the enum values in the tail of the message is not pinned.
        assertValidationErrorStartingWith("1 validation error detected: Value 'new_image' at "
                        + "'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [",
                () -> dynamo.createTable(create -> create.tableName(TestTables.uniqueName("stream-bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType("new_image"))));
    }

    @Test
    void sequenceNumberIsRequiredExactlyForTheSequenceIteratorTypes() {
        String name = createStreamTable("stream-bad-iterators", StreamViewType.KEYS_ONLY);
        String arn = streamArn(name);
        Shard shard = new StreamReader(streams, arn).shardsParentsFirst().get(0);
        String start = shard.sequenceNumberRange().startingSequenceNumber();

        assertErrorCode("ValidationException", () -> iterator(arn, shard.shardId(), ShardIteratorType.AT_SEQUENCE_NUMBER, null));
        assertErrorCode("ValidationException", () -> iterator(arn, shard.shardId(), ShardIteratorType.AFTER_SEQUENCE_NUMBER, null));
        assertErrorCode("ValidationException", () -> iterator(arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON, start));
        assertErrorCode("ValidationException", () -> iterator(arn, shard.shardId(), ShardIteratorType.LATEST, start));
        assertErrorCode("ValidationException", () -> streams.getShardIterator(get -> get.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType("SOMEWHERE")));
    }

    @Test
    void unknownStreamsShardsAndIteratorsAreRefused() {
        String name = createStreamTable("stream-unknown", StreamViewType.KEYS_ONLY);
        String arn = streamArn(name);
        String missingStream = arn.substring(0, arn.indexOf("/stream/")) + "-gone/stream/2020-01-01T00:00:00.000";

        assertThrows(ResourceNotFoundException.class, () -> streams.describeStream(describe -> describe.streamArn(missingStream)));
        assertThrows(ResourceNotFoundException.class, () -> iterator(arn, "shardId-00000000000000000000-00000000", ShardIteratorType.LATEST, null));
        assertErrorCode("ValidationException", () -> streams.describeStream(describe -> describe.streamArn("not-an-arn-at-all-but-long-enough")));
        assertErrorCode("ValidationException", () -> streams.getRecords(get -> get.shardIterator("not-an-iterator-" + "x".repeat(40))));
    }

    private static String createStreamTable(String purpose, StreamViewType viewType) {
        String name = TestTables.uniqueName(purpose);
        dynamo.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(viewType)));
        TestTables.awaitActive(dynamo, name);
        return name;
    }

    private static String streamArn(String table) {
        return dynamo.describeTable(describe -> describe.tableName(table)).table().latestStreamArn();
    }

    private static void put(String table, String pk) {
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s(pk), "n", n(1))));
    }

    private static String iterator(String arn, String shardId, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(get -> get.streamArn(arn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** The shard holding {@code record}: the one whose TRIM_HORIZON reading contains its sequence number. */
    private static String shardOf(String arn, Record record) {
        StreamReader reader = new StreamReader(streams, arn);
        for (Shard shard : reader.shardsParentsFirst()) {
            boolean holds = reader.readShard(shard.shardId()).stream()
                    .anyMatch(candidate -> candidate.dynamodb().sequenceNumber().equals(record.dynamodb().sequenceNumber()));
            if (holds) return shard.shardId();
        }
        throw new AssertionError("No shard of " + arn + " holds " + record);
    }

    private static List<String> keys(List<Record> records) {
        return records.stream().map(record -> record.dynamodb().keys().get("pk").s()).toList();
    }

    private static void assertErrorCode(String code, Executable call) {
        DynamoDbException error = assertThrows(DynamoDbException.class, call);
        assertEquals(code, error.awsErrorDetails().errorCode(), () -> "for " + error.getMessage());
        assertEquals(400, error.statusCode());
    }
}
