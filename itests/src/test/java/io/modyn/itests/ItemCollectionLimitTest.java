package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.lsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.itests.support.ComponentConfigFile;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.TestTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The item collection limit of tables with local secondary indexes (developer guide, "Item
 * collections in Local Secondary Indexes"): the items sharing a partition key value, with their
 * local index entries, may not grow past 10 GB; a write that would fails with
 * ItemCollectionSizeLimitExceededException and changes nothing, while other partition key values
 * are unaffected and shrinking writes still succeed. ReturnItemCollectionMetrics=SIZE reports the
 * collection's key and a SizeEstimateRangeGB.
 *
 * <p>The test's server is configured ({@code itemCollectionLimitBytes}, an engine setting that
 * exists for testing) with a limit of {@value #LIMIT_BYTES} bytes. Each item here counts about
 * 24 KB: about 12 KB of its own, and as much again for its entry in the index, which projects ALL.
 * So two items fit in a collection and a third does not.
 */
class ItemCollectionLimitTest {

    private static final int LIMIT_BYTES = 50_000;
    private static final String PAYLOAD = "x".repeat(12_000);

    private static ModynServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startServerWithASmallItemCollectionLimit() {
        server = ModynServer.start("item-collection-limit");
        server.stop();
        ComponentConfigFile.append(server, ComponentConfigFile.ENGINE, Map.of("itemCollectionLimitBytes", String.valueOf(LIMIT_BYTES)));
        server.restart();
        dynamo = DynamoDbClients.withoutRetries(server);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void writesPastTheLimitFailAndChangeNothingWhileOtherCollectionsStillGrow() {
        String table = TestTables.uniqueName("collections");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition("lsk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(lsi("by-lsk", all(), key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))));
        TestTables.awaitActive(dynamo, table);
        put(table, item("full", "a"));
        put(table, item("full", "b"));

        ItemCollectionSizeLimitExceededException refused = assertThrows(ItemCollectionSizeLimitExceededException.class,
                () -> put(table, item("full", "c")));
        assertEquals("Collection size exceeded.", refused.awsErrorDetails().errorMessage());
        assertThrows(ItemCollectionSizeLimitExceededException.class, () -> dynamo.updateItem(update -> update.tableName(table)
                .key(keyOf("full", "a")).updateExpression("SET more = :more").expressionAttributeValues(Map.of(":more", s(PAYLOAD)))),
                "an update that grows the collection");
        assertAll(
                () -> assertNull(StoredItems.get(dynamo, table, keyOf("full", "c")), "the refused put wrote nothing"),
                () -> assertEquals(item("full", "a"), StoredItems.get(dynamo, table, keyOf("full", "a")), "the refused update changed nothing"),
                () -> assertEquals(List.of("a", "b"), sortKeysInIndex(table, "full"), "the index holds no entry of the refused writes"));

        ItemCollectionMetrics other = put(table, item("other", "a")).itemCollectionMetrics();
        assertEquals(Map.of("pk", s("other")), other.itemCollectionKey());
        assertEquals(List.of(0.0, 1.0), other.sizeEstimateRangeGB());

        dynamo.deleteItem(delete -> delete.tableName(table).key(keyOf("full", "b")));
        ItemCollectionMetrics full = put(table, item("full", "c")).itemCollectionMetrics();
        assertEquals(Map.of("pk", s("full")), full.itemCollectionKey(), "a delete makes room again");
        assertEquals(List.of("a", "c"), sortKeysInIndex(table, "full"));
    }

    private static PutItemResponse put(String table, Map<String, AttributeValue> item) {
        return dynamo.putItem(put -> put.tableName(table).item(item).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    }

    private static List<String> sortKeysInIndex(String table, String pk) {
        return dynamo.query(query -> query.tableName(table).indexName("by-lsk").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)))).items().stream().map(item -> item.get("sk").s()).toList();
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk), "lsk", s(sk), "payload", s(PAYLOAD));
    }

    private static Map<String, AttributeValue> keyOf(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }
}
