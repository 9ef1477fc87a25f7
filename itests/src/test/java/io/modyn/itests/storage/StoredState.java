package io.modyn.itests.storage;

import static io.modyn.itests.support.AttributeValues.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the crash test's tables hold after a restart, read through the API (consistent Scans of
 * each table, a Query of each partition of the global index), checked against the
 * {@link Acknowledgements}, which then take it as their new baseline.
 */
final class StoredState {

    private final Map<String, Map<String, AttributeValue>> items;
    private final Map<String, Map<String, AttributeValue>> indexed;
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Map<String, AttributeValue>> left;
    private final Map<String, Map<String, AttributeValue>> right;
    private final List<String> duplicateIndexEntries = new ArrayList<>();

    private StoredState(DynamoDbClient dynamo, CrashTables tables) {
        items = scan(dynamo, tables.items());
        indexed = new HashMap<>();
        for (int group = 0; group < CrashTables.GROUPS; group++) {
            String grp = "g" + group;
            dynamo.queryPaginator(query -> query.tableName(tables.items()).indexName(CrashTables.INDEX)
                    .keyConditionExpression("grp = :grp").expressionAttributeValues(Map.of(":grp", s(grp))))
                    .items().forEach(entry -> {
                        if (indexed.put(entry.get("pk").s(), entry) != null) duplicateIndexEntries.add(entry.get("pk").s());
                    });
        }
        scan(dynamo, tables.counters()).forEach((key, item) -> counters.put(key, Long.parseLong(item.get("n").n())));
        left = scan(dynamo, tables.left());
        right = scan(dynamo, tables.right());
    }

    static StoredState read(DynamoDbClient dynamo, CrashTables tables) {
        return new StoredState(dynamo, tables);
    }

    /** Checks every property, records what is wrong in {@code findings}, and makes what is stored the new baseline. */
    void check(Acknowledgements expected, int round, CrashFindings findings) {
        Map<String, String> itemValues = values(items, "val");
        Map<String, String> transactionIds = values(left, "txn");
        findings.add(CrashFindings.Property.ACKNOWLEDGED_WRITES, round, expected.items().violations(itemValues));
        findings.add(CrashFindings.Property.ACKNOWLEDGED_WRITES, round, expected.transactions().violations(transactionIds));
        findings.add(CrashFindings.Property.COUNTERS, round, expected.counters().violations(counters));
        findings.add(CrashFindings.Property.TRANSACTIONS, round, halfAppliedTransactions());
        findings.add(CrashFindings.Property.GLOBAL_INDEX, round, indexDifferences());
        findings.add(CrashFindings.Property.ITEM_CONTENT, round, damagedItems());
        expected.items().baseline(itemValues);
        expected.transactions().baseline(transactionIds);
        expected.counters().baseline(counters);
    }

    /** Each transaction writes the same id and version to its key in both tables: anything else is half applied. */
    private List<String> halfAppliedTransactions() {
        List<String> violations = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            Map<String, AttributeValue> l = left.get(key);
            Map<String, AttributeValue> r = right.get(key);
            String inLeft = l == null ? KeyOutcomes.ABSENT : string(l, "txn") + " version " + number(l, "version");
            String inRight = r == null ? KeyOutcomes.ABSENT : string(r, "txn") + " version " + number(r, "version");
            if (!inLeft.equals(inRight)) violations.add(key + ": left holds " + inLeft + ", right holds " + inRight);
            else if (l != null && !String.valueOf(CrashTables.versionOf(string(l, "txn"))).equals(number(l, "version"))) {
                violations.add(key + ": transaction " + string(l, "txn") + " with version " + number(l, "version"));
            }
        }
        return violations;
    }

    /** The index must list exactly the table's items, each under its group, with the table's attributes (projection ALL). */
    private List<String> indexDifferences() {
        List<String> violations = new ArrayList<>();
        duplicateIndexEntries.forEach(key -> violations.add("index lists " + key + " more than once"));
        TreeSet<String> keys = new TreeSet<>(items.keySet());
        keys.addAll(indexed.keySet());
        for (String key : keys) {
            Map<String, AttributeValue> item = items.get(key);
            Map<String, AttributeValue> entry = indexed.get(key);
            if (!Objects.equals(item, entry)) {
                violations.add(key + ": table holds " + describe(item) + ", index holds " + describe(entry));
            }
        }
        return violations;
    }

    private List<String> damagedItems() {
        List<String> violations = new ArrayList<>();
        items.forEach((key, item) -> {
            String val = string(item, "val");
            if (!item.equals(CrashTables.item(key, val))) violations.add(key + " is not the item written with val " + val + ": " + describe(item));
        });
        return violations;
    }

    private static String describe(Map<String, AttributeValue> item) {
        if (item == null) return "nothing";
        return "grp=" + string(item, "grp") + " val=" + string(item, "val");
    }

    /** The attribute's string, or a marker that cannot be mistaken for a written value. */
    private static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null ? "<no string " + attribute + ">" : value.s();
    }

    private static String number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? "<no number " + attribute + ">" : value.n();
    }

    private static Map<String, String> values(Map<String, Map<String, AttributeValue>> items, String attribute) {
        Map<String, String> values = new HashMap<>();
        items.forEach((key, item) -> values.put(key, string(item, attribute)));
        return values;
    }

    private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("pk").s(), item));
        return items;
    }
}
