package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.ConcurrentWorkers;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.DynamoDbStreamsClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.StreamReader;
import io.modyn.itests.support.TestTables;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a table's stream records (developer guide, "Change data capture for DynamoDB Streams"):
 * one record per item change, INSERT, MODIFY or REMOVE, with the keys and the images the view type
 * asks for, a decimal SequenceNumber that grows in write order, SizeBytes,
 * ApproximateCreationDateTime, eventSource aws:dynamodb, eventVersion 1.1 and awsRegion the
 * server's region. Every change appears exactly once and in commit order per item, whatever the
 * concurrency and whatever operation made it (PutItem, UpdateItem, DeleteItem, BatchWriteItem,
 * TransactWriteItems); a write that changes nothing, a refused write and a cancelled transaction
 * make no record.
 */
@ExtendWith(SharedModynServer.class)
class StreamRecordsTest {

    private static final Duration RECORDS_TIMEOUT = Duration.ofSeconds(10);

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void connect(ModynServer shared) {
        server = shared;
        dynamo = DynamoDbClients.withoutRetries(shared);
        streams = DynamoDbStreamsClients.withoutRetries(shared);
    }

    @AfterAll
    static void closeClients() {
        dynamo.close();
        streams.close();
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void insertModifyAndRemoveCarryTheImagesOfTheViewType(StreamViewType viewType) {
        StreamTable table = StreamTable.create(dynamo, "stream-view", viewType);
        Map<String, AttributeValue> first = Map.of("pk", s("item"), "v", n(1));
        Map<String, AttributeValue> second = Map.of("pk", s("item"), "v", n(2));
        dynamo.putItem(put -> put.tableName(table.name()).item(first));
        dynamo.updateItem(update -> update.tableName(table.name()).key(Map.of("pk", s("item")))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(2))));
        dynamo.deleteItem(delete -> delete.tableName(table.name()).key(Map.of("pk", s("item"))));

        List<Record> records = table.await(3);

        boolean newImages = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImages = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
                records.stream().map(Record::eventName).toList());
        records.forEach(record -> assertAll(
                () -> assertEquals(Map.of("pk", s("item")), record.dynamodb().keys()),
                () -> assertEquals(viewType, record.dynamodb().streamViewType())));
        assertImages(records.get(0), newImages ? first : null, null);
        assertImages(records.get(1), newImages ? second : null, oldImages ? first : null);
        assertImages(records.get(2), null, oldImages ? second : null);
    }

    @Test
    void recordsCarryDynamoDbsFields() {
        StreamTable table = StreamTable.create(dynamo, "stream-fields", StreamViewType.NEW_AND_OLD_IMAGES);
        Instant before = Instant.now();
        for (int i = 0; i < 3; i++) {
            int value = i;
            dynamo.putItem(put -> put.tableName(table.name()).item(Map.of("pk", s("item-" + value), "payload", s("x".repeat(100)))));
        }
        Instant after = Instant.now();

        List<Record> records = table.await(3);

        assertEquals(3, records.stream().map(Record::eventID).collect(Collectors.toSet()).size(), "distinct eventIDs");
        List<BigInteger> sequence = new ArrayList<>();
        for (Record record : records) {
            assertAll(
                    () -> assertFalse(record.eventID().isEmpty()),
                    () -> assertEquals("1.1", record.eventVersion()),
                    () -> assertEquals("aws:dynamodb", record.eventSource()),
                    () -> assertEquals(server.region(), record.awsRegion()),
                    () -> assertTrue(record.dynamodb().sequenceNumber().matches("[0-9]+"), record.dynamodb().sequenceNumber()),
                    () -> assertTrue(record.dynamodb().sizeBytes() > 100, "SizeBytes " + record.dynamodb().sizeBytes()),
                    () -> assertNull(record.userIdentity(), "a user's write has no userIdentity"),
                    // Whole seconds in DynamoDB; the margins absorb the rounding.
                    () -> assertFalse(record.dynamodb().approximateCreationDateTime().isBefore(before.minusSeconds(2)),
                            record.dynamodb().approximateCreationDateTime() + " before " + before),
                    () -> assertFalse(record.dynamodb().approximateCreationDateTime().isAfter(after.plusSeconds(2)),
                            record.dynamodb().approximateCreationDateTime() + " after " + after));
            sequence.add(new BigInteger(record.dynamodb().sequenceNumber()));
        }
        assertTrue(sequence.get(0).compareTo(sequence.get(1)) < 0 && sequence.get(1).compareTo(sequence.get(2)) < 0,
                "SequenceNumber grows in write order: " + sequence);
    }

    @Test
    void awsRegionIsTheServersConfiguredRegion() {
        try (ModynServer elsewhere = ModynServer.start("streams-region", "ap-southeast-2");
             DynamoDbClient client = DynamoDbClients.withoutRetries(elsewhere);
             DynamoDbStreamsClient streamsElsewhere = DynamoDbStreamsClients.withoutRetries(elsewhere)) {
            StreamTable table = StreamTable.create(client, streamsElsewhere, "stream-region", StreamViewType.KEYS_ONLY);
            client.putItem(put -> put.tableName(table.name()).item(Map.of("pk", s("item"))));

            Record record = table.await(1).get(0);

            assertEquals("ap-southeast-2", record.awsRegion());
            assertTrue(table.arn().startsWith("arn:aws:dynamodb:ap-southeast-2:"), table.arn());
        }
    }

    @Test
    void writesThatChangeNothingMakeNoRecord() {
        StreamTable table = StreamTable.create(dynamo, "stream-unchanged", StreamViewType.NEW_AND_OLD_IMAGES);
        Map<String, AttributeValue> item = Map.of("pk", s("item"), "v", n(1));
        dynamo.putItem(put -> put.tableName(table.name()).item(item));
        dynamo.putItem(put -> put.tableName(table.name()).item(item));
        dynamo.updateItem(update -> update.tableName(table.name()).key(Map.of("pk", s("item")))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(1))));
        dynamo.deleteItem(delete -> delete.tableName(table.name()).key(Map.of("pk", s("never-written"))));
        assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(put -> put.tableName(table.name())
                .item(Map.of("pk", s("item"), "v", n(9))).conditionExpression("attribute_not_exists(pk)")));
        // A marker written last: once it is read, everything written before it has been read too.
        dynamo.putItem(put -> put.tableName(table.name()).item(Map.of("pk", s("marker"))));

        List<Record> records = table.await(2);

        assertEquals(List.of("item", "marker"), keys(records));
        assertEquals(OperationType.INSERT, records.get(0).eventName());
    }

    @Test
    void batchWritesAndTransactionsRecordEveryItemAndCancelledTransactionsNone() {
        StreamTable table = StreamTable.create(dynamo, "stream-batch", StreamViewType.KEYS_ONLY);
        dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(table.name(), List.of(
                putRequest(Map.of("pk", s("batch-1"))), putRequest(Map.of("pk", s("batch-2")))))));
        dynamo.transactWriteItems(tx -> tx.transactItems(
                TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(Map.of("pk", s("tx-1")))).build(),
                TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(Map.of("pk", s("tx-2")))).build()));
        assertThrows(TransactionCanceledException.class, () -> dynamo.transactWriteItems(tx -> tx.transactItems(
                TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(Map.of("pk", s("cancelled")))).build(),
                TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(Map.of("pk", s("tx-1")))
                        .conditionExpression("attribute_not_exists(pk)")).build())));
        dynamo.putItem(put -> put.tableName(table.name()).item(Map.of("pk", s("marker"))));

        List<Record> records = table.await(5);

        assertEquals(new HashSet<>(List.of("batch-1", "batch-2", "tx-1", "tx-2")), new HashSet<>(keys(records.subList(0, 4))));
        assertEquals("marker", keys(records).get(4));
    }

    @Test
    void concurrentChangesAppearExactlyOnceInCommitOrderPerItem() throws InterruptedException {
        int writers = 4;
        int updatesPerWriter = 25;
        StreamTable table = StreamTable.create(dynamo, "stream-order", StreamViewType.NEW_IMAGE);

        // Each writer counts up its own item and, in between, a counter shared by all of them.
        List<Throwable> failures = ConcurrentWorkers.run(writers, Duration.ofSeconds(90), worker -> {
            for (int i = 0; i < updatesPerWriter; i++) {
                increment(table.name(), "own-" + worker);
                increment(table.name(), "shared");
            }
        });
        assertEquals(List.of(), failures);
        int total = writers * updatesPerWriter * 2;

        List<Record> records = table.await(total);

        Map<String, List<Integer>> countsByItem = records.stream().collect(Collectors.groupingBy(
                record -> record.dynamodb().keys().get("pk").s(),
                Collectors.mapping(record -> Integer.parseInt(record.dynamodb().newImage().get("count").n()), Collectors.toList())));
        for (int worker = 0; worker < writers; worker++) {
            assertEquals(IntStream.rangeClosed(1, updatesPerWriter).boxed().toList(), countsByItem.get("own-" + worker),
                    "every change of own-" + worker + " once, in order");
        }
        assertEquals(IntStream.rangeClosed(1, writers * updatesPerWriter).boxed().toList(), countsByItem.get("shared"),
                "every change of the shared item once, in order");
    }

    private static void increment(String table, String pk) {
        dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", s(pk)))
                .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1))));
    }

    private static void assertImages(Record record, Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        assertAll(
                () -> assertEquals(newImage, record.dynamodb().hasNewImage() ? record.dynamodb().newImage() : null,
                        record.eventName() + " NewImage"),
                () -> assertEquals(oldImage, record.dynamodb().hasOldImage() ? record.dynamodb().oldImage() : null,
                        record.eventName() + " OldImage"));
    }

    private static List<String> keys(List<Record> records) {
        return records.stream().map(record -> record.dynamodb().keys().get("pk").s()).toList();
    }

    private static WriteRequest putRequest(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    /** A table keyed by pk (S) with a stream of the given view type, and a reader of that stream. */
    private record StreamTable(String name, String arn, StreamReader reader) {

        static StreamTable create(DynamoDbClient client, String purpose, StreamViewType viewType) {
            return create(client, streams, purpose, viewType);
        }

        static StreamTable create(DynamoDbClient client, DynamoDbStreamsClient streamsClient, String purpose, StreamViewType viewType) {
            String name = TestTables.uniqueName(purpose);
            client.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(definition("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                    .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(viewType)));
            String arn = TestTables.awaitActive(client, name).latestStreamArn();
            return new StreamTable(name, arn, new StreamReader(streamsClient, arn));
        }

        /** The stream's records once it holds {@code count} (bounded wait); fails if it holds more. */
        List<Record> await(int count) {
            List<Record> records = reader.await(count + " records", RECORDS_TIMEOUT, read -> read.size() >= count);
            assertEquals(count, records.size(), () -> "records: " + records);
            return records;
        }
    }
}
