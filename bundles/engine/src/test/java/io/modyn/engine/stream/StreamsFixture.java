package io.modyn.engine.stream;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.StreamDescription;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An engine with streams over the in-memory storage, with a clock the test moves. */
final class StreamsFixture {

    static final RequestContext CONTEXT = new RequestContext("test", null);
    static final EngineSettings SETTINGS = new EngineSettings("eu-west-3", "123456789012");

    final TestClock clock = new TestClock(Instant.now());
    final StorageBinding storage = new StorageBinding();
    final Streams streams = new Streams(storage, SETTINGS, clock);
    final ItemWriter writer = new ItemWriter(List.of(streams.recorder()));
    final DynamoDbEngine engine;
    final DynamoDbStreamsService service = streams.service();

    StreamsFixture() {
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, SETTINGS, writer);
    }

    /** Creates a table keyed by "id" (S) with a stream of that view type (null: no stream); returns its stream ARN. */
    String createTable(String name, String viewType) {
        StreamSpecification spec = viewType == null ? null : new StreamSpecification(true, viewType);
        var response = engine.createTable(new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null, null, null, spec, null, null, null), CONTEXT);
        return response.tableDescription().latestStreamArn();
    }

    /** Changes the table's stream; returns the table's LatestStreamArn afterwards. */
    String updateStream(String table, StreamSpecification spec) {
        // BillingMode rides along because UpdateTable still requires one of the throughput members.
        return engine.updateTable(new UpdateTableRequest(table, null, "PAY_PER_REQUEST", null, null, spec, null, null), CONTEXT)
                .tableDescription().latestStreamArn();
    }

    void deleteTable(String table) {
        engine.deleteTable(new DeleteTableRequest(table), CONTEXT);
    }

    void put(String table, Map<String, AttributeValue> item) {
        engine.putItem(new PutItemRequest(table, item, null, null, null, null, null, null, null, null, null), CONTEXT);
    }

    void delete(String table, String id) {
        engine.deleteItem(new DeleteItemRequest(table, Map.of("id", AttributeValue.s(id)), null, null, null, null, null, null, null, null, null),
                CONTEXT);
    }

    void update(String table, String id, String updateExpression, Map<String, AttributeValue> values) {
        engine.updateItem(new UpdateItemRequest(table, Map.of("id", AttributeValue.s(id)), null, null, null, null, null, null, updateExpression,
                null, null, values, null), CONTEXT);
    }

    StreamDescription describe(String streamArn) {
        return service.describeStream(new DescribeStreamRequest(streamArn, null, null), CONTEXT).streamDescription();
    }

    String shardId(String streamArn) {
        return describe(streamArn).shards().get(0).shardId();
    }

    String iterator(String streamArn, String type, String sequenceNumber) {
        return service.getShardIterator(new GetShardIteratorRequest(streamArn, shardId(streamArn), type, sequenceNumber), CONTEXT)
                .shardIterator();
    }

    /** Every record of the stream from its oldest. */
    List<ChangeRecord> records(String streamArn) {
        return service.getRecords(new GetRecordsRequest(iterator(streamArn, "TRIM_HORIZON", null), null), CONTEXT).records();
    }

    /** An item from name/value pairs; values are strings, or longs for numbers. */
    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            item.put((String) pairs[i], value instanceof Long n ? AttributeValue.n(n) : value instanceof AttributeValue v ? v
                    : AttributeValue.s((String) value));
        }
        return item;
    }
}
