package io.modyn.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share one storage; each caches table definitions for up to a second. A change made
 * through one node must survive a change made through the other from its stale cached copy.
 */
class ConcurrentTableChangesTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);

    @Test
    void aChangeFromAStaleCachedDefinitionDoesNotUndoAnotherNodesChange() {
        InMemoryStorageEngine storage = new InMemoryStorageEngine();
        DynamoDbEngine nodeA = node(storage);
        DynamoDbEngine nodeB = node(storage);
        nodeA.createTable(new CreateTableRequest("shared", List.of(new AttributeDefinition("pk", "S")),
                List.of(new KeySchemaElement("pk", "HASH")), "PAY_PER_REQUEST", null), CONTEXT);
        nodeA.describeTable(new DescribeTableRequest("shared"), CONTEXT); // node A now caches the definition

        nodeB.updateTimeToLive(new UpdateTimeToLiveRequest("shared", new TimeToLiveSpecification(true, "expires")), CONTEXT);
        nodeA.updateTable(new UpdateTableRequest("shared", null, null, null, null, null, true, null), CONTEXT);

        DynamoDbEngine nodeC = node(storage); // nothing cached: reads what storage holds
        assertEquals("ENABLED", nodeC.describeTimeToLive(new DescribeTimeToLiveRequest("shared"), CONTEXT)
                .timeToLiveDescription().timeToLiveStatus(), "node B's TTL change survived node A's update");
        assertEquals(true, nodeC.describeTable(new DescribeTableRequest("shared"), CONTEXT).table().definition()
                .deletionProtectionEnabled(), "node A's change was applied");
    }

    private static DynamoDbEngine node(InMemoryStorageEngine storage) {
        StorageBinding binding = new StorageBinding();
        binding.bind(storage);
        return new DynamoDbEngine(binding, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
    }
}
