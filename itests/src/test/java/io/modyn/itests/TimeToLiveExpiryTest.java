package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.SecondaryIndexes.lsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.itests.support.ComponentConfigFile;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.DynamoDbStreamsClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StoredItems;
import io.modyn.itests.support.StreamReader;
import io.modyn.itests.support.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The TTL expirer (developer guide, "Time to Live"): it deletes the items whose TTL attribute is a
 * number of epoch seconds in the past, leaves alone items expiring later and items whose attribute
 * is missing or not a number, removes the deleted items from every index, and each deletion makes a
 * REMOVE stream record whose userIdentity is {"type":"Service","principalId":"dynamodb.amazonaws.com"}
 * (a deletion by a user has none).
 *
 * <p>DynamoDB deletes expired items within days; this server runs its expirer every
 * {@code ttlScanIntervalSeconds} (engine configuration, a minute by default). The test's server runs
 * it every second, so expiry is awaited within a bound.
 */
class TimeToLiveExpiryTest {

    private static final Duration EXPIRY_TIMEOUT = Duration.ofSeconds(40);

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startServerWithAFastExpirer() {
        server = ModynServer.start("ttl-expiry");
        server.stop();
        ComponentConfigFile.append(server, ComponentConfigFile.ENGINE, Map.of("ttlScanIntervalSeconds", "1"));
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
    void expiredItemsAreDeletedFromTableAndIndexesWithAServiceRemoveRecord() {
        String table = TestTables.uniqueName("ttl-expiry");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.S),
                        definition("group", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(gsi("by-group", all(), key("group", KeyType.HASH)))
                .localSecondaryIndexes(lsi("by-pk-group", all(), key("pk", KeyType.HASH), key("group", KeyType.RANGE)))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        String streamArn = TestTables.awaitActive(dynamo, table).latestStreamArn();
        long now = Instant.now().getEpochSecond();
        Map<String, AttributeValue> expired = item("expired", n(now - 60));
        Map<String, AttributeValue> expiringSoon = item("expiring-soon", n(now + 2));
        Map<String, AttributeValue> future = item("future", n(now + 3600));
        Map<String, AttributeValue> notANumber = item("not-a-number", s(String.valueOf(now - 60)));
        Map<String, AttributeValue> withoutTtl = Map.of("pk", s("p"), "sk", s("without-ttl"), "group", s("g"));
        for (Map<String, AttributeValue> item : List.of(expired, expiringSoon, future, notANumber, withoutTtl)) {
            dynamo.putItem(put -> put.tableName(table).item(item));
        }
        dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("p"), "sk", s("deleted-by-user"))));
        dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", s("p"), "sk", s("deleted-by-user"))));

        dynamo.updateTimeToLive(update -> update.tableName(table)
                .timeToLiveSpecification(spec -> spec.attributeName("expires").enabled(true)));

        Eventually.await("the expired items are deleted", EXPIRY_TIMEOUT,
                () -> StoredItems.get(dynamo, table, keyOf(expired)) == null && StoredItems.get(dynamo, table, keyOf(expiringSoon)) == null);
        assertAll(
                () -> assertNotNull(StoredItems.get(dynamo, table, keyOf(future)), "expires in an hour"),
                () -> assertNotNull(StoredItems.get(dynamo, table, keyOf(notANumber)), "a TTL attribute that is not a number is ignored"),
                () -> assertNotNull(StoredItems.get(dynamo, table, keyOf(withoutTtl)), "no TTL attribute"),
                () -> assertEquals(Set.of("future", "not-a-number", "without-ttl"), sortKeys(dynamo.query(query -> query
                        .tableName(table).indexName("by-group").keyConditionExpression("#g = :g")
                        .expressionAttributeNames(Map.of("#g", "group")).expressionAttributeValues(Map.of(":g", s("g")))).items())),
                () -> assertEquals(Set.of("future", "not-a-number", "without-ttl"), sortKeys(dynamo.query(query -> query
                        .tableName(table).indexName("by-pk-group").keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p")))).items())));

        List<Record> removals = new StreamReader(streams, streamArn).await("the REMOVE records of the expiry", Duration.ofSeconds(10),
                records -> records.stream().filter(record -> record.eventName() == OperationType.REMOVE).count() == 3);
        Map<String, Record> removed = removals.stream().filter(record -> record.eventName() == OperationType.REMOVE)
                .collect(Collectors.toMap(record -> record.dynamodb().keys().get("sk").s(), record -> record));
        Identity service = Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build();
        assertAll(
                () -> assertEquals(service, removed.get("expired").userIdentity()),
                () -> assertEquals(expired, removed.get("expired").dynamodb().oldImage()),
                () -> assertEquals(service, removed.get("expiring-soon").userIdentity()),
                () -> assertNull(removed.get("deleted-by-user").userIdentity(), "a user's delete has no userIdentity"));
    }

    private static Map<String, AttributeValue> item(String sk, AttributeValue expires) {
        return Map.of("pk", s("p"), "sk", s(sk), "group", s("g"), "expires", expires);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    private static Set<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").s()).collect(Collectors.toSet());
    }
}
