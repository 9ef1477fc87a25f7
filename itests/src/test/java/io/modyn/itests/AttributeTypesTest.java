package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.bs;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.ns;
import static io.modyn.itests.support.AttributeValues.nul;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.AttributeValues.ss;
import static io.modyn.itests.support.DynamoAssertions.assertSameItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Every attribute type goes in through PutItem and comes back out of GetItem exactly. */
@ExtendWith(SharedModynServer.class)
class AttributeTypesTest {

    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbClient client) {
        dynamo = client;
        table = TestTables.createHashTable(dynamo, "types", ScalarAttributeType.S);
    }

    @Test
    void everyScalarAndSetTypeRoundTrips() {
        Map<String, AttributeValue> item = item(Map.of(
                "string", s("Grüße, 世界 😀"),
                "number", n("-56.789"),
                "binary", b((byte) 0, (byte) 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff),
                "true", bool(true),
                "false", bool(false),
                "null", nul(),
                "stringSet", ss("a", "b", "Ω"),
                "numberSet", ns("1", "-2.5", "1000"),
                "binarySet", bs(new byte[] {1}, new byte[] {2, 3}, new byte[] {(byte) 0xff})));

        assertSameItem(item, putAndGet(item));
    }

    @Test
    void listsAndMapsOfEveryTypeRoundTrip() {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("s", s("a"));
        inner.put("n", n("1"));
        inner.put("b", b((byte) 9));
        inner.put("bool", bool(true));
        inner.put("null", nul());
        inner.put("ss", ss("x"));
        inner.put("ns", ns("2"));
        inner.put("bs", bs(new byte[] {3}));
        inner.put("emptyList", l());
        inner.put("emptyMap", m(Map.of()));
        Map<String, AttributeValue> item = item(Map.of(
                "list", l(s("a"), n("1"), b((byte) 9), bool(false), nul(), ss("x"), ns("2"), bs(new byte[] {3}),
                        l(s("nested")), m(Map.of("k", s("v")))),
                "map", m(inner)));

        assertSameItem(item, putAndGet(item));
    }

    @Test
    void listOrderIsKept() {
        Map<String, AttributeValue> item = item(Map.of("list", l(n("3"), n("1"), n("2"), s("z"), s("a"))));

        assertEquals(item.get("list"), putAndGet(item).get("list"));
    }

    @Test
    void emptyStringAndBinaryOutsideKeysAreKept() {
        Map<String, AttributeValue> item = item(Map.of("emptyString", s(""), "emptyBinary", b()));

        assertSameItem(item, putAndGet(item));
    }

    @Test
    void documentNestedThirtyTwoLevelsDeepRoundTrips() {
        // The attribute itself is level 1: 31 maps around a scalar put the scalar at level 32.
        Map<String, AttributeValue> item = item(Map.of("deep", nested(31)));

        assertSameItem(item, putAndGet(item));
    }

    @Test
    void documentNestedDeeperThanThirtyTwoLevelsIsRejected() {
        Map<String, AttributeValue> item = item(Map.of("deep", nested(32)));

        DynamoDbException error = assertThrows(DynamoDbException.class,
                () -> dynamo.putItem(put -> put.tableName(table).item(item)));
        assertEquals("ValidationException", error.awsErrorDetails().errorCode());
        // DynamoDB regions word the rest of the message differently; this part they share.
        assertTrue(error.awsErrorDetails().errorMessage().startsWith("Nesting Levels have exceeded supported limits"),
                error.awsErrorDetails().errorMessage());
    }

    @Test
    void attributeNamesAreCaseSensitiveAndMayHoldAnyCharacter() {
        Map<String, AttributeValue> item = item(Map.of("name", s("lower"), "Name", s("upper"),
                "with space", s("1"), "dotted.name", s("2"), "ünï", s("3"), "#:[]", s("4")));

        assertSameItem(item, putAndGet(item));
    }

    private static AttributeValue nested(int maps) {
        AttributeValue value = s("leaf");
        for (int i = 0; i < maps; i++) {
            value = m(Map.of("level", value));
        }
        return value;
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(attributes);
        item.put(TestTables.PK, s(UUID.randomUUID().toString()));
        return item;
    }

    private static Map<String, AttributeValue> putAndGet(Map<String, AttributeValue> item) {
        dynamo.putItem(put -> put.tableName(table).item(item));
        return dynamo.getItem(get -> get.tableName(table)
                .key(Map.of(TestTables.PK, item.get(TestTables.PK)))
                .consistentRead(true)).item();
    }
}
