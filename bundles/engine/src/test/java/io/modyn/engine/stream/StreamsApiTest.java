package io.modyn.engine.stream;

import static io.modyn.engine.stream.StreamsFixture.CONTEXT;
import static io.modyn.engine.stream.StreamsFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.ListStreamsRequest;
import io.modyn.api.streams.ListStreamsResponse;
import io.modyn.api.streams.Shard;
import io.modyn.api.streams.StreamDescription;
import io.modyn.api.streams.StreamSummary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListStreams, DescribeStream, GetShardIterator and GetRecords, with expiry and retention. */
class StreamsApiTest {

    private final StreamsFixture fixture = new StreamsFixture();

    @Test
    void listStreamsFiltersByTableAndPages() {
        String a = fixture.createTable("alpha", "KEYS_ONLY");
        String b = fixture.createTable("beta", "NEW_IMAGE");
        fixture.createTable("plain", null);

        assertEquals(List.of(a, b), arns(fixture.service.listStreams(new ListStreamsRequest(null, null, null), CONTEXT)));
        assertEquals(List.of(b), arns(fixture.service.listStreams(new ListStreamsRequest("beta", null, null), CONTEXT)));
        assertEquals(List.of(), arns(fixture.service.listStreams(new ListStreamsRequest("plain", null, null), CONTEXT)));

        ListStreamsResponse first = fixture.service.listStreams(new ListStreamsRequest(null, 1, null), CONTEXT);
        assertEquals(List.of(a), arns(first));
        assertEquals(a, first.lastEvaluatedStreamArn());
        ListStreamsResponse second = fixture.service.listStreams(new ListStreamsRequest(null, 1, first.lastEvaluatedStreamArn()), CONTEXT);
        assertEquals(List.of(b), arns(second));
        assertNull(second.lastEvaluatedStreamArn());
        StreamSummary summary = second.streams().get(0);
        assertEquals("beta", summary.tableName());
        assertTrue(b.endsWith("/stream/" + summary.streamLabel()));
    }

    @Test
    void listStreamsValidatesLimitAndStartArn() {
        assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than "
                + "or equal to 1", fails(() -> fixture.service.listStreams(new ListStreamsRequest(null, 0, null), CONTEXT)).getMessage());
        assertEquals("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than "
                + "or equal to 100", fails(() -> fixture.service.listStreams(new ListStreamsRequest(null, 101, null), CONTEXT)).getMessage());
        assertEquals("Invalid StreamArn", fails(() -> fixture.service.listStreams(new ListStreamsRequest(null, null, "kossa"), CONTEXT)).getMessage());
    }

    @Test
    void describeStreamShowsOneOpenShardWhileEnabled() {
        String arn = fixture.createTable("orders", "NEW_IMAGE");
        StreamDescription fresh = fixture.describe(arn);
        assertEquals("ENABLED", fresh.streamStatus());
        assertEquals("NEW_IMAGE", fresh.streamViewType());
        assertEquals("orders", fresh.tableName());
        assertEquals(List.of(new KeySchemaElement("id", "HASH")), fresh.keySchema());
        assertEquals(StreamLabels.parse(fresh.streamLabel()), fresh.creationRequestDateTime());
        Shard shard = fresh.shards().get(0);
        assertTrue(shard.shardId().matches("shardId-\\d{20}-[0-9a-f]{8}"), shard.shardId());
        assertEquals("000000000000000000001", shard.sequenceNumberRange().startingSequenceNumber());
        assertNull(shard.sequenceNumberRange().endingSequenceNumber());
        assertNull(fresh.lastEvaluatedShardId());

        assertEquals(List.of(), fixture.service.describeStream(new DescribeStreamRequest(arn, null, shard.shardId()), CONTEXT)
                .streamDescription().shards(), "a start at the last shard lists none");
    }

    @Test
    void aDisabledStreamIsClosedButReadable() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        String latest = fixture.iterator(arn, "LATEST", null);
        fixture.put("orders", item("id", "a"));
        fixture.put("orders", item("id", "b"));
        fixture.updateStream("orders", new StreamSpecification(false, null));

        StreamDescription disabled = fixture.describe(arn);
        assertEquals("DISABLED", disabled.streamStatus());
        assertEquals("KEYS_ONLY", disabled.streamViewType());
        assertEquals("000000000000000000002", disabled.shards().get(0).sequenceNumberRange().endingSequenceNumber());

        GetRecordsResponse all = fixture.service.getRecords(new GetRecordsRequest(latest, null), CONTEXT);
        assertEquals(2, all.records().size());
        assertNull(all.nextShardIterator(), "a closed shard read to its end has no next iterator");

        GetRecordsResponse partial = fixture.service.getRecords(new GetRecordsRequest(fixture.iterator(arn, "TRIM_HORIZON", null), 1), CONTEXT);
        assertEquals(1, partial.records().size());
        assertNotNull(partial.nextShardIterator());
    }

    @Test
    void aStreamOutlivesItsTable() {
        String arn = fixture.createTable("orders", "NEW_AND_OLD_IMAGES");
        fixture.put("orders", item("id", "a"));
        fixture.deleteTable("orders");
        sleepPastTheMillisecond(); // labels are milliseconds: a table created again in the same one would reuse the label
        fixture.createTable("orders", "KEYS_ONLY");

        assertEquals("DISABLED", fixture.describe(arn).streamStatus());
        assertEquals(1, fixture.records(arn).size());
        assertEquals(2, fixture.service.listStreams(new ListStreamsRequest("orders", null, null), CONTEXT).streams().size());
    }

    @Test
    void iteratorTypesStartWhereDynamoDbsDo() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        String atStart = fixture.iterator(arn, "AT_SEQUENCE_NUMBER", fixture.describe(arn).shards().get(0).sequenceNumberRange()
                .startingSequenceNumber());
        for (String id : List.of("a", "b", "c")) fixture.put("orders", item("id", id));

        assertEquals(List.of("a", "b", "c"), ids(read(fixture.iterator(arn, "TRIM_HORIZON", null))));
        assertEquals(List.of("a", "b", "c"), ids(read(atStart)));
        assertEquals(List.of("b", "c"), ids(read(fixture.iterator(arn, "AT_SEQUENCE_NUMBER", "000000000000000000002"))));
        assertEquals(List.of("c"), ids(read(fixture.iterator(arn, "AFTER_SEQUENCE_NUMBER", "000000000000000000002"))));
        String latest = fixture.iterator(arn, "LATEST", null);
        assertEquals(List.of(), ids(read(latest)));
        fixture.put("orders", item("id", "d"));
        assertEquals(List.of("d"), ids(read(latest)));
    }

    @Test
    void nextShardIteratorContinuesWithoutRepeating() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        for (String id : List.of("a", "b", "c")) fixture.put("orders", item("id", id));
        GetRecordsResponse first = fixture.service.getRecords(new GetRecordsRequest(fixture.iterator(arn, "TRIM_HORIZON", null), 2), CONTEXT);
        assertEquals(List.of("a", "b"), ids(first.records()));
        GetRecordsResponse second = fixture.service.getRecords(new GetRecordsRequest(first.nextShardIterator(), 2), CONTEXT);
        assertEquals(List.of("c"), ids(second.records()));
        GetRecordsResponse third = fixture.service.getRecords(new GetRecordsRequest(second.nextShardIterator(), 2), CONTEXT);
        assertEquals(List.of(), third.records());
        assertNotNull(third.nextShardIterator(), "an open shard always has a next iterator");
        fixture.put("orders", item("id", "e"));
        assertEquals(List.of("e"), ids(read(third.nextShardIterator())));
    }

    @Test
    void getShardIteratorRejectsWhatDynamoDbRejects() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        String shard = fixture.shardId(arn);
        assertEquals(ErrorType.VALIDATION, iteratorFails(arn, shard, "bulle", null).type());
        assertEquals(ErrorType.VALIDATION, iteratorFails(arn, shard, "AT_SEQUENCE_NUMBER", null).type());
        assertEquals(ErrorType.VALIDATION, iteratorFails(arn, shard, "LATEST", "000000000000000000001").type());
        assertEquals(ErrorType.VALIDATION, iteratorFails(arn, shard, "LATEST", "sdfsafglldfngjdafnasdflgnaldklkafdsgklnasdlv").type());
        assertEquals(ErrorType.VALIDATION, iteratorFails(arn, shard, "AT_SEQUENCE_NUMBER", "0000000000000000000x1").type());
        assertEquals(ErrorType.VALIDATION, iteratorFails(arn, shard, "AT_SEQUENCE_NUMBER", "000000000000000000009").type());
        assertEquals("Invalid StreamArn", iteratorFails("sdfadsfsdfsdgdfsgsfdabadfbabdadsfsdfsdfsdfsdfsdfsdfdfdssdffbdfdf", shard, "LATEST", null)
                .getMessage());

        DynamoException noShard = iteratorFails(arn, "shardId-00000000000000000000-00000000", "LATEST", null);
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, noShard.type());
        String otherArn = arn.replace("/orders/", "/absent/");
        DynamoException noStream = iteratorFails(otherArn, shard, "LATEST", null);
        assertEquals("Requested resource not found: Stream: " + otherArn + " not found", noStream.getMessage());
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, noStream.type());
        String otherRegion = arn.replace("eu-west-3", "us-east-1");
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, iteratorFails(otherRegion, shard, "LATEST", null).type());
    }

    @Test
    void getRecordsValidatesLimitAndIterator() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        String iterator = fixture.iterator(arn, "LATEST", null);
        assertEquals(0, fixture.service.getRecords(new GetRecordsRequest(iterator, 1000), CONTEXT).records().size());
        assertTrue(fails(() -> fixture.service.getRecords(new GetRecordsRequest(iterator, 1001), CONTEXT)).getMessage().contains("'limit'"));
        assertTrue(fails(() -> fixture.service.getRecords(new GetRecordsRequest(iterator, 0), CONTEXT)).getMessage().contains("'limit'"));
        DynamoException garbage = fails(() -> fixture.service.getRecords(new GetRecordsRequest("sdfsdfsgagaddafgagasgasgasdfasdf", null), CONTEXT));
        assertEquals(ErrorType.VALIDATION, garbage.type());
        assertEquals("Invalid ShardIterator", garbage.getMessage());
    }

    @Test
    void iteratorsExpireAfterFifteenMinutes() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        String iterator = fixture.iterator(arn, "TRIM_HORIZON", null);
        fixture.clock.advance(Duration.ofMinutes(15));
        assertEquals(0, fixture.service.getRecords(new GetRecordsRequest(iterator, null), CONTEXT).records().size(), "still valid at 15 minutes");
        fixture.clock.advance(Duration.ofMillis(1));
        DynamoException expired = fails(() -> fixture.service.getRecords(new GetRecordsRequest(iterator, null), CONTEXT));
        assertEquals(ErrorType.EXPIRED_ITERATOR, expired.type());
        assertEquals("The provided iterator exceeds the maximum age allowed", expired.getMessage());
    }

    @Test
    void eachNextShardIteratorLivesFifteenMinutesFromItsOwnIssue() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        String iterator = fixture.iterator(arn, "TRIM_HORIZON", null);
        fixture.clock.advance(Duration.ofMinutes(10));
        String next = fixture.service.getRecords(new GetRecordsRequest(iterator, null), CONTEXT).nextShardIterator();
        fixture.clock.advance(Duration.ofMinutes(10));
        assertEquals(ErrorType.EXPIRED_ITERATOR, fails(() -> fixture.service.getRecords(new GetRecordsRequest(iterator, null), CONTEXT)).type());
        assertEquals(0, fixture.service.getRecords(new GetRecordsRequest(next, null), CONTEXT).records().size());
    }

    @Test
    void recordsOlderThanTwentyFourHoursAreTrimmed() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        fixture.put("orders", item("id", "old"));
        fixture.clock.advance(Duration.ofHours(23).plusMinutes(50));
        String horizon = fixture.iterator(arn, "TRIM_HORIZON", null);
        fixture.put("orders", item("id", "new"));
        fixture.clock.advance(Duration.ofMinutes(11));
        fixture.streams.applyRetention();

        assertEquals(List.of("new"), ids(fixture.records(arn)));
        assertEquals("000000000000000000002", fixture.describe(arn).shards().get(0).sequenceNumberRange().startingSequenceNumber());
        assertEquals(ErrorType.TRIMMED_DATA_ACCESS, fails(() -> fixture.service.getRecords(new GetRecordsRequest(horizon, null), CONTEXT)).type());
        DynamoException trimmed = iteratorFails(arn, fixture.shardId(arn), "AT_SEQUENCE_NUMBER", "000000000000000000001");
        assertEquals(ErrorType.TRIMMED_DATA_ACCESS, trimmed.type());
        assertEquals("The data you are trying to access has been trimmed", trimmed.getMessage());
    }

    @Test
    void retentionRemovesADisabledStreamOnceItIsEmpty() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        fixture.put("orders", item("id", "a"));
        fixture.deleteTable("orders");
        fixture.clock.advance(Duration.ofHours(23));
        fixture.streams.applyRetention();
        assertEquals(1, fixture.records(arn).size(), "readable for 24 hours");

        fixture.clock.advance(Duration.ofHours(2));
        fixture.streams.applyRetention();
        assertEquals(ErrorType.RESOURCE_NOT_FOUND, fails(() -> fixture.describe(arn)).type());
        assertEquals(List.of(), fixture.service.listStreams(new ListStreamsRequest(null, null, null), CONTEXT).streams());
    }

    @Test
    void retentionKeepsAnIdleEnabledStream() {
        String arn = fixture.createTable("orders", "KEYS_ONLY");
        fixture.put("orders", item("id", "a"));
        fixture.clock.advance(Duration.ofDays(3));
        fixture.streams.applyRetention();
        assertEquals("ENABLED", fixture.describe(arn).streamStatus());
        assertEquals(List.of(), fixture.records(arn));
        fixture.put("orders", item("id", "b"));
        assertEquals(List.of("b"), ids(fixture.records(arn)));
        assertEquals("000000000000000000002", fixture.records(arn).get(0).dynamodb().sequenceNumber(), "numbers never restart");
    }

    private static void sleepPastTheMillisecond() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ChangeRecord> read(String iterator) {
        return fixture.service.getRecords(new GetRecordsRequest(iterator, null), CONTEXT).records();
    }

    private DynamoException iteratorFails(String arn, String shardId, String type, String sequenceNumber) {
        return fails(() -> fixture.service.getShardIterator(new GetShardIteratorRequest(arn, shardId, type, sequenceNumber), CONTEXT));
    }

    private static DynamoException fails(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(DynamoException.class, call);
    }

    private static List<String> arns(ListStreamsResponse response) {
        return response.streams().stream().map(StreamSummary::streamArn).toList();
    }

    private static List<String> ids(List<ChangeRecord> records) {
        return records.stream().map(r -> ((io.modyn.api.model.AttributeValue.S) r.dynamodb().keys().get("id")).value()).toList();
    }
}
