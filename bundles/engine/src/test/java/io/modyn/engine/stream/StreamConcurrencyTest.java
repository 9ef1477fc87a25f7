package io.modyn.engine.stream;

import static io.modyn.engine.stream.StreamsFixture.CONTEXT;
import static io.modyn.engine.stream.StreamsFixture.SETTINGS;
import static io.modyn.engine.stream.StreamsFixture.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetRecordsResponse;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two "nodes" (each its own engine, catalog and streams) over one storage, as Modyn nodes share
 * PostgreSQL, writing one stream from several threads: every write appears once, numbers are
 * dense, and each item's changes appear in the order they committed.
 */
class StreamConcurrencyTest {

    private static final int WRITERS_PER_NODE = 2;
    private static final int WRITES_PER_ITEM = 25;

    private record Node(DynamoDbEngine engine, Streams streams) {
    }

    @Test
    void writersOnTwoNodesGetUniqueOrderedSequenceNumbers() throws Exception {
        InMemoryStorageEngine shared = new InMemoryStorageEngine();
        Node a = node(shared);
        Node b = node(shared);
        String arn = a.engine().createTable(new CreateTableRequest("counters", List.of(new AttributeDefinition("id", "S")),
                List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null, null, null, new StreamSpecification(true, "NEW_IMAGE"),
                null, null, null), CONTEXT).tableDescription().latestStreamArn();

        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
                DynamoDbEngine engine = (w % 2 == 0 ? a : b).engine();
                String id = "item" + w;
                writers.add(pool.submit(() -> {
                    for (long v = 1; v <= WRITES_PER_ITEM; v++) {
                        engine.putItem(new PutItemRequest("counters", item("id", id, "v", v), null, null, null, null, null, null, null, null,
                                null), CONTEXT);
                    }
                }));
            }
            for (Future<?> writer : writers) writer.get();
        } finally {
            pool.shutdown();
        }

        List<ChangeRecord> records = readAll(b.streams(), arn);
        assertEquals(2 * WRITERS_PER_NODE * WRITES_PER_ITEM, records.size());
        Map<String, List<Long>> valuesPerItem = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ChangeRecord record = records.get(i);
            assertEquals(String.format("%021d", i + 1), record.dynamodb().sequenceNumber());
            String id = ((AttributeValue.S) record.dynamodb().keys().get("id")).value();
            long v = ((AttributeValue.N) record.dynamodb().newImage().get("v")).value().longValueExact();
            valuesPerItem.computeIfAbsent(id, k -> new ArrayList<>()).add(v);
        }
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= WRITES_PER_ITEM; v++) expected.add(v);
        for (List<Long> values : valuesPerItem.values()) assertEquals(expected, values);
        assertEquals(2 * WRITERS_PER_NODE, valuesPerItem.size());
    }

    private static Node node(InMemoryStorageEngine shared) {
        StorageBinding storage = new StorageBinding();
        storage.bind(shared);
        Streams streams = new Streams(storage, SETTINGS, Clock.systemUTC());
        return new Node(new DynamoDbEngine(storage, SETTINGS, new ItemWriter(List.of(streams.recorder()))), streams);
    }

    private static List<ChangeRecord> readAll(Streams streams, String arn) {
        String shard = streams.service().describeStream(new io.modyn.api.streams.DescribeStreamRequest(arn, null, null), CONTEXT)
                .streamDescription().shards().get(0).shardId();
        String iterator = streams.service().getShardIterator(new GetShardIteratorRequest(arn, shard, "TRIM_HORIZON", null), CONTEXT)
                .shardIterator();
        List<ChangeRecord> records = new ArrayList<>();
        while (true) {
            GetRecordsResponse page = streams.service().getRecords(new GetRecordsRequest(iterator, 30), CONTEXT);
            if (page.records().isEmpty()) return records;
            records.addAll(page.records());
            iterator = page.nextShardIterator();
        }
    }
}
