package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Sort key order as DynamoDB defines it: numbers by value, binary by unsigned bytes, strings by
 * their UTF-8 bytes (not Java's UTF-16 order). Items are written shuffled.
 */
@ExtendWith(SharedModynServer.class)
class QuerySortKeyOrderTest {

    private static final List<String> NUMBERS_IN_ORDER =
            List.of("-1000", "-100", "-10.5", "-1.5", "-1", "-0.001", "0", "0.001", "0.5", "1", "1.5", "2", "10", "100", "1000");
    private static final List<String> BINARIES_IN_ORDER = List.of("00", "0000", "01", "7f", "80", "80ff", "ff", "ff00");
    /** U+FFFD sorts before U+1F600 in UTF-8 (EF.. < F0..), after it in UTF-16 (FFFD > D83D). */
    private static final List<String> STRINGS_IN_ORDER = List.of("A", "Z", "a", "z", "é", "\uFFFD", "😀");

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(DynamoDbClient client) {
        dynamo = client;
    }

    @Test
    void numberSortKeysAreOrderedByValue() {
        String table = tableWith(ScalarAttributeType.N, NUMBERS_IN_ORDER.stream().map(v -> n(v)).toList());

        assertEquals(NUMBERS_IN_ORDER, numbers(query(table, "pk = :pk", Map.of(), true)));
        assertEquals(reversed(NUMBERS_IN_ORDER), numbers(query(table, "pk = :pk", Map.of(), false)));
    }

    @Test
    void numberRangeConditionsCompareByValue() {
        String table = tableWith(ScalarAttributeType.N, NUMBERS_IN_ORDER.stream().map(v -> n(v)).toList());

        assertEquals(List.of("-1000", "-100", "-10.5", "-1.5", "-1", "-0.001"),
                numbers(query(table, "pk = :pk AND sk < :x", Map.of(":x", n("0")), true)));
        assertEquals(List.of("-1.5", "-1", "-0.001", "0", "0.001", "0.5", "1"),
                numbers(query(table, "pk = :pk AND sk BETWEEN :x AND :y", Map.of(":x", n("-1.5"), ":y", n("1.0")), true)));
        assertEquals(List.of("10", "100", "1000"),
                numbers(query(table, "pk = :pk AND sk >= :x", Map.of(":x", n("1e1")), true)));
    }

    @Test
    void binarySortKeysAreOrderedByUnsignedBytes() {
        String table = tableWith(ScalarAttributeType.B, BINARIES_IN_ORDER.stream().map(QuerySortKeyOrderTest::hex).toList());

        assertEquals(BINARIES_IN_ORDER, binaries(query(table, "pk = :pk", Map.of(), true)));
        assertEquals(List.of("80", "80ff", "ff", "ff00"),
                binaries(query(table, "pk = :pk AND sk >= :x", Map.of(":x", hex("80")), true)));
        assertEquals(List.of("80", "80ff"),
                binaries(query(table, "pk = :pk AND begins_with(sk, :x)", Map.of(":x", hex("80")), true)));
    }

    @Test
    void stringSortKeysAreOrderedByUtf8Bytes() {
        String table = tableWith(ScalarAttributeType.S, STRINGS_IN_ORDER.stream().map(v -> s(v)).toList());

        assertEquals(STRINGS_IN_ORDER, strings(query(table, "pk = :pk", Map.of(), true)));
        assertEquals(List.of("\uFFFD", "😀"), strings(query(table, "pk = :pk AND sk > :x", Map.of(":x", s("é")), true)));
    }

    private static String tableWith(ScalarAttributeType sortKeyType, List<AttributeValue> sortKeys) {
        String table = TestTables.createHashRangeTable(dynamo, "order", ScalarAttributeType.S, sortKeyType);
        List<AttributeValue> shuffled = new ArrayList<>(sortKeys);
        Collections.shuffle(shuffled);
        for (AttributeValue sortKey : shuffled) {
            dynamo.putItem(put -> put.tableName(table).item(Map.of("pk", s("p"), "sk", sortKey)));
        }
        return table;
    }

    private static List<Map<String, AttributeValue>> query(String table, String condition,
                                                           Map<String, AttributeValue> values, boolean forward) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pk", s("p"));
        return dynamo.query(query -> query.tableName(table)
                .keyConditionExpression(condition)
                .expressionAttributeValues(all)
                .scanIndexForward(forward)).items();
    }

    private static AttributeValue hex(String hex) {
        return b(HexFormat.of().parseHex(hex));
    }

    private static List<String> numbers(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").n()).toList();
    }

    private static List<String> strings(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").s()).toList();
    }

    private static List<String> binaries(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").b()).map(SdkBytes::asByteArray).map(HexFormat.of()::formatHex).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
