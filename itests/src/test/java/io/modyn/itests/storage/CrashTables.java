package io.modyn.itests.storage;

import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.SecondaryIndexes.all;
import static io.modyn.itests.support.SecondaryIndexes.gsi;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;

import io.modyn.itests.support.TestTables;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The four tables the crash test writes, and the content of its items. An item's group (its key in
 * the global index) and its padding are derived from its {@code val}, so a reader can tell a
 * complete item from a damaged one and knows which index partition must list it.
 *
 * <ul>
 *   <li>{@code items} (key {@code pk}): PutItem and DeleteItem; global index {@value #INDEX} on
 *       {@code grp} + {@code pk}, projecting all attributes. A put may move an item to another group.
 *   <li>{@code counters} (key {@code pk}): UpdateItem {@code ADD n :one} from every writer.
 *   <li>{@code left} and {@code right} (key {@code pk}): TransactWriteItems writes the same key in
 *       both, with the same transaction id {@code txn} and {@code version}, conditioned on the
 *       version in {@code left}.
 * </ul>
 */
record CrashTables(String items, String counters, String left, String right) {

    static final String INDEX = "by-group";
    static final int GROUPS = 4;
    /** Items of up to 4 KB, so the live data (some MB) outgrows a small memtable budget. */
    private static final int MAX_PAD = 4_000;

    static CrashTables create(DynamoDbClient dynamo) {
        String items = TestTables.uniqueName("crash-items");
        dynamo.createTable(table -> table.tableName(items).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("grp", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(gsi(INDEX, all(), key("grp", KeyType.HASH), key("pk", KeyType.RANGE))));
        TestTables.awaitActive(dynamo, items);
        return new CrashTables(items,
                TestTables.createHashTable(dynamo, "crash-counters", ScalarAttributeType.S),
                TestTables.createHashTable(dynamo, "crash-left", ScalarAttributeType.S),
                TestTables.createHashTable(dynamo, "crash-right", ScalarAttributeType.S));
    }

    /** The item of {@code items} that a put of {@code val} writes under {@code key}. */
    static Map<String, AttributeValue> item(String key, String val) {
        return Map.of("pk", s(key), "grp", s(groupOf(val)), "val", s(val), "pad", s(padOf(val)));
    }

    static String groupOf(String val) {
        return "g" + Math.floorMod(val.hashCode(), GROUPS);
    }

    static String padOf(String val) {
        return "x".repeat(Math.floorMod(val.hashCode() * 31 + 7, MAX_PAD) + 1);
    }

    /** Transaction ids carry the version they write, {@code v<version>-<unique part>}; no item is version 0. */
    static long versionOf(String transactionId) {
        if (transactionId.equals(KeyOutcomes.ABSENT)) return 0;
        return Long.parseLong(transactionId.substring(1, transactionId.indexOf('-')));
    }
}
