package io.modyn.engine.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Principal;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.SecondaryIndexRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.IndexProjection;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.StreamSpecification;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.index.IndexMaintainer;
import io.modyn.engine.stream.StreamLimits;
import io.modyn.engine.stream.Streams;
import io.modyn.engine.write.ItemWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An engine (and its Streams API) over in-memory storage with a {@link RecordingAuthorizer} bound,
 * and two tables created before the authorizer was: Music (Artist, SongTitle; a global index
 * ByAlbum on Album; a stream) and Scores (a numeric partition key Id).
 */
final class AuthorizationFixture {

    static final EngineSettings SETTINGS = new EngineSettings("eu-west-3", "123456789012");
    static final String MUSIC_ARN = "arn:aws:dynamodb:eu-west-3:123456789012:table/Music";
    static final String SCORES_ARN = "arn:aws:dynamodb:eu-west-3:123456789012:table/Scores";
    static final Principal ALICE = new Principal("123456789012", "arn:aws:iam::123456789012:user/alice", "AKIDALICE", "AIDAALICE000000000000");
    static final RequestContext CONTEXT = new RequestContext("req-1", ALICE, "192.0.2.10", true, "aws-sdk-java/2.25");

    final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    final AuthorizerBinding authorizers = new AuthorizerBinding();
    final RecordingAuthorizer authorizer = new RecordingAuthorizer();
    final Streams streams;
    final StorageBinding binding = new StorageBinding();
    final DynamoDbEngine engine;
    final String musicStreamArn;

    AuthorizationFixture() {
        binding.bind(storage);
        streams = new Streams(binding, SETTINGS, StreamLimits.DYNAMODB, Clock.systemUTC(), authorizers);
        engine = new DynamoDbEngine(binding, SETTINGS,
                new ItemWriter(List.of(new IndexMaintainer(10L * 1024 * 1024 * 1024), streams.recorder())), authorizers);
        musicStreamArn = engine.createTable(new CreateTableRequest("Music",
                List.of(new AttributeDefinition("Artist", "S"), new AttributeDefinition("SongTitle", "S"), new AttributeDefinition("Album", "S")),
                List.of(new KeySchemaElement("Artist", "HASH"), new KeySchemaElement("SongTitle", "RANGE")), "PAY_PER_REQUEST", null, null,
                List.of(new SecondaryIndexRequest("ByAlbum", List.of(new KeySchemaElement("Album", "HASH")),
                        new IndexProjection(IndexProjection.ALL, null), null)),
                new StreamSpecification(true, "NEW_AND_OLD_IMAGES"), null, null, null), CONTEXT).tableDescription().latestStreamArn();
        engine.createTable(new CreateTableRequest("Scores", List.of(new AttributeDefinition("Id", "N")),
                List.of(new KeySchemaElement("Id", "HASH")), "PAY_PER_REQUEST", null, null, null, null, null, null, null), CONTEXT);
        authorizers.bind(authorizer);
    }

    static AttributeValue s(String value) {
        return AttributeValue.s(value);
    }

    static Map<String, AttributeValue> song(String artist, String title) {
        return Map.of("Artist", s(artist), "SongTitle", s(title));
    }

    /** An item from alternating names and string values. */
    static Map<String, AttributeValue> item(String... nameValuePairs) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) item.put(nameValuePairs[i], s(nameValuePairs[i + 1]));
        return item;
    }

    /** Reads an item with the authorizer out of the way, to see what storage holds. */
    Map<String, AttributeValue> stored(String table, Map<String, AttributeValue> key) {
        authorizers.unbind(authorizer);
        try {
            return engine.getItem(new GetItemRequest(table, key, null, null, null, null, null), CONTEXT).item();
        } finally {
            authorizers.bind(authorizer);
        }
    }

    /** Condition keys from alternating key names and comma-separated values (compared as sets). */
    static Map<String, Set<String>> keys(String... keyValuePairs) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyValuePairs.length; i += 2) keys.put(keyValuePairs[i], new LinkedHashSet<>(Arrays.asList(keyValuePairs[i + 1].split(","))));
        return keys;
    }

    static void assertRequest(AuthorizationRequest actual, String action, String resource, Map<String, Set<String>> conditionKeys) {
        assertEquals(action, actual.action());
        assertEquals(resource, actual.resource());
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        actual.conditionKeys().forEach((key, values) -> {
            assertEquals(values.size(), new LinkedHashSet<>(values).size(), () -> key + " repeats a value: " + values);
            keys.put(key, new LinkedHashSet<>(values));
        });
        assertEquals(conditionKeys, keys, () -> action + " on " + resource);
    }
}
