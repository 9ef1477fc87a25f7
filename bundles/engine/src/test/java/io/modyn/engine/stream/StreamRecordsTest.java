package io.modyn.engine.stream;

import static io.modyn.engine.stream.StreamsFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.Identity;
import io.modyn.api.streams.StreamRecord;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.write.ChangeOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records item writes leave in a stream, per view type. */
class StreamRecordsTest {

    private final StreamsFixture fixture = new StreamsFixture();

    @Test
    void newAndOldImagesShowBothImagesForEachEvent() {
        String arn = fixture.createTable("orders", "NEW_AND_OLD_IMAGES");
        writeInsertModifyRemove();
        List<ChangeRecord> records = fixture.records(arn);

        assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), records.stream().map(ChangeRecord::eventName).toList());
        assertImages(records.get(0), null, item("id", "a", "v", 1L));
        assertImages(records.get(1), item("id", "a", "v", 1L), item("id", "a", "v", 2L));
        assertImages(records.get(2), item("id", "a", "v", 2L), null);
    }

    @Test
    void newImageShowsOnlyTheItemAfter() {
        String arn = fixture.createTable("orders", "NEW_IMAGE");
        writeInsertModifyRemove();
        List<ChangeRecord> records = fixture.records(arn);
        assertImages(records.get(0), null, item("id", "a", "v", 1L));
        assertImages(records.get(1), null, item("id", "a", "v", 2L));
        assertImages(records.get(2), null, null);
    }

    @Test
    void oldImageShowsOnlyTheItemBefore() {
        String arn = fixture.createTable("orders", "OLD_IMAGE");
        writeInsertModifyRemove();
        List<ChangeRecord> records = fixture.records(arn);
        assertImages(records.get(0), null, null);
        assertImages(records.get(1), item("id", "a", "v", 1L), null);
        assertImages(records.get(2), item("id", "a", "v", 2L), null);
    }

    @Test
    void keysOnlyShowsTheKeyAlone() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        writeInsertModifyRemove();
        for (ChangeRecord record : fixture.records(arn)) {
            assertEquals(Map.of("id", AttributeValue.s("a")), record.dynamodb().keys());
            assertImages(record, null, null);
            assertEquals("KEYS_ONLY", record.dynamodb().streamViewType());
        }
    }

    @Test
    void recordsCarryDynamoDbsEnvelope() {
        String arn = fixture.createTable("orders", "NEW_AND_OLD_IMAGES");
        Instant before = fixture.clock.instant();
        writeInsertModifyRemove();
        List<ChangeRecord> records = fixture.records(arn);
        for (int i = 0; i < records.size(); i++) {
            ChangeRecord record = records.get(i);
            assertEquals("eu-west-3", record.awsRegion());
            assertEquals("aws:dynamodb", record.eventSource());
            assertEquals("1.1", record.eventVersion());
            assertTrue(record.eventID().matches("[0-9a-f]{32}"), record.eventID());
            assertNull(record.userIdentity());
            assertEquals(String.format("%021d", i + 1), record.dynamodb().sequenceNumber());
            assertEquals(before.getEpochSecond(), record.dynamodb().approximateCreationDateTime().getEpochSecond());
            assertEquals(0, record.dynamodb().approximateCreationDateTime().getNano(), "rounded down to the second");
        }
        assertEquals(records.get(0).eventID(), fixture.records(arn).get(0).eventID(), "the same record has the same id every time");
    }

    @Test
    void sizeBytesCountsKeysAndShownImagesAsDynamoDbDoes() {
        // The developer guide's example: Keys {Id: 101}, NewImage {Message: "New item!", Id: 101} has SizeBytes 26.
        String arn = fixture.engine.createTable(new io.modyn.api.dynamodb.CreateTableRequest("Messages",
                List.of(new io.modyn.api.model.AttributeDefinition("Id", "N")), List.of(new io.modyn.api.model.KeySchemaElement("Id", "HASH")),
                "PAY_PER_REQUEST", null, null, null, new StreamSpecification(true, "NEW_IMAGE"), null, null, null), StreamsFixture.CONTEXT)
                .tableDescription().latestStreamArn();
        fixture.put("Messages", item("Message", "New item!", "Id", 101L));
        assertEquals(26, fixture.records(arn).get(0).dynamodb().sizeBytes());
    }

    @Test
    void writesThatChangeNothingRecordNothing() {
        String arn = fixture.createTable("orders", "NEW_AND_OLD_IMAGES");
        fixture.put("orders", item("id", "a", "tags", new AttributeValue.SS(List.of("x", "y"))));
        fixture.put("orders", item("id", "a", "tags", new AttributeValue.SS(List.of("y", "x")))); // same set, other order
        fixture.update("orders", "a", "SET tags = :t", Map.of(":t", new AttributeValue.SS(List.of("x", "y"))));
        fixture.delete("orders", "absent");
        assertEquals(List.of("INSERT"), fixture.records(arn).stream().map(ChangeRecord::eventName).toList());
    }

    @Test
    void tableWithoutStreamRecordsNothingAndNeedsNoOldItem() {
        fixture.createTable("plain", null);
        fixture.put("plain", item("id", "a"));
        assertEquals(List.of(), fixture.streams.service().listStreams(new io.modyn.api.streams.ListStreamsRequest(null, null, null),
                StreamsFixture.CONTEXT).streams());
        TableDefinition table = fixture.storage.require().catalog().require("plain");
        assertEquals(false, fixture.streams.recorder().needsOldItem(table));
    }

    @Test
    void timeToLiveDeletionsNameTheServiceAsTheirAuthor() {
        String arn = fixture.createTable("sessions", "NEW_AND_OLD_IMAGES");
        Map<String, AttributeValue> session = item("id", "s1", "expires", 1L);
        fixture.put("sessions", session);
        TableDefinition table = fixture.storage.require().catalog().require("sessions");
        try (StorageTransaction tx = fixture.storage.require().storage().begin()) {
            fixture.writer.write(fixture.storage.require().catalog(), tx, table, KeySchemaRules.ofItem(table, session), session, null, true, ChangeOrigin.TIME_TO_LIVE);
            tx.commit();
        }
        ChangeRecord removal = fixture.records(arn).get(1);
        assertEquals("REMOVE", removal.eventName());
        assertEquals(new Identity("dynamodb.amazonaws.com", "Service"), removal.userIdentity());
        assertEquals(session, removal.dynamodb().oldImage());
    }

    @Test
    void aDisabledStreamRecordsNothingMoreAndTheNextStreamStartsAfresh() {
        String first = fixture.createTable("orders", "KEYS_ONLY");
        fixture.put("orders", item("id", "a"));
        fixture.updateStream("orders", new StreamSpecification(false, null));
        fixture.put("orders", item("id", "b"));
        String second = fixture.updateStream("orders", new StreamSpecification(true, "NEW_IMAGE"));
        fixture.put("orders", item("id", "c"));

        assertEquals(List.of(Map.of("id", AttributeValue.s("a"))), fixture.records(first).stream().map(r -> r.dynamodb().keys()).toList());
        List<ChangeRecord> records = fixture.records(second);
        assertEquals(1, records.size());
        assertEquals(item("id", "c"), records.get(0).dynamodb().newImage());
        assertEquals("000000000000000000001", records.get(0).dynamodb().sequenceNumber());
    }

    private void writeInsertModifyRemove() {
        fixture.put("orders", item("id", "a", "v", 1L));
        fixture.update("orders", "a", "SET v = :v", Map.of(":v", AttributeValue.n(2)));
        fixture.delete("orders", "a");
    }

    private static void assertImages(ChangeRecord record, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        StreamRecord dynamodb = record.dynamodb();
        assertEquals(oldImage, dynamodb.oldImage(), "OldImage of " + record.eventName());
        assertEquals(newImage, dynamodb.newImage(), "NewImage of " + record.eventName());
        assertEquals(Map.of("id", AttributeValue.s("a")), dynamodb.keys());
    }
}
