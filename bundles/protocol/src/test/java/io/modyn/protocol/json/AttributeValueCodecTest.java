package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.assertSerialization;
import static io.modyn.protocol.json.CodecFixture.assertValidation;
import static io.modyn.protocol.json.CodecFixture.read;
import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeValueCodecTest {

    private static final String NESTING_MESSAGE =
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

    @Test
    void everyAttributeTypeRoundTripsThroughTheWire() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.s("héllo \"quoted\" \u0001"));
        item.put("n", AttributeValue.n("-12.50"));
        item.put("b", AttributeValue.b(new byte[] {0, 1, (byte) 0xFF}));
        item.put("bool", AttributeValue.bool(false));
        item.put("null", AttributeValue.nul());
        item.put("l", new AttributeValue.L(List.of(AttributeValue.s("x"), AttributeValue.n(1))));
        item.put("m", new AttributeValue.M(Map.of("inner", AttributeValue.bool(true))));
        item.put("ss", new AttributeValue.SS(List.of("a", "b")));
        item.put("ns", new AttributeValue.NS(List.of(new BigDecimal("1E+2"), new BigDecimal("0.010"))));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2, 3})));

        String json = write(ItemResponseWriter::getItem, new GetItemResponse(item, null));
        Map<String, AttributeValue> back = readItem(json.substring("{\"Item\":".length(), json.length() - 1));

        assertEquals(item, back);
        assertEquals(List.copyOf(item.keySet()), List.copyOf(back.keySet()));
    }

    @Test
    void numbersAreWrittenInDynamoDbsNormalisedForm() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("n", AttributeValue.n("1.50E+3"));
        item.put("ns", new AttributeValue.NS(List.of(new BigDecimal("-0.000"), new BigDecimal("12.340"))));

        String json = write(ItemResponseWriter::getItem, new GetItemResponse(item, null));

        assertEquals("{\"Item\":{\"n\":{\"N\":\"1500\"},\"ns\":{\"NS\":[\"0\",\"12.34\"]}}}", json);
    }

    @Test
    void binaryIsWrittenAsBase64AndNullAsTrue() {
        String json = write(ItemResponseWriter::getItem, new GetItemResponse(
                Map.of("b", AttributeValue.b("hi".getBytes())), null));
        assertEquals("{\"Item\":{\"b\":{\"B\":\"aGk=\"}}}", json);
        assertEquals("{\"Item\":{\"z\":{\"NULL\":true}}}",
                write(ItemResponseWriter::getItem, new GetItemResponse(Map.of("z", AttributeValue.nul()), null)));
    }

    @Test
    void valuesNested32LevelsDeepAreAccepted() {
        Map<String, AttributeValue> item = readItem("{\"a\":" + nestedMaps(31) + "}");

        AttributeValue value = item.get("a");
        for (int level = 1; level < 32; level++) {
            value = ((AttributeValue.M) value).values().get("n");
        }
        assertEquals(AttributeValue.s("leaf"), value);
    }

    @Test
    void valuesNestedDeeperThan32LevelsAreRefused() {
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":" + nestedMaps(32) + "}"), NESTING_MESSAGE);
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":" + nestedLists(32) + "}"), NESTING_MESSAGE);
    }

    @Test
    void nestingIsCountedInListsToo() {
        AttributeValue value = readItem("{\"a\":" + nestedLists(31) + "}").get("a");
        assertInstanceOf(AttributeValue.L.class, value);
    }

    @Test
    void aValueWithTwoTypesIsRefused() {
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"S\":\"x\",\"N\":\"1\"}}"),
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }

    @Test
    void aValueWithoutATypeIsRefused() {
        String empty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{}}"), empty);
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"S\":null}}"), empty);
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"X\":\"unknown\"}}"), empty);
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":null}"), empty);
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"L\":[null]}}"), empty);
    }

    @Test
    void aTypeGivenTwiceKeepsTheLastValue() {
        assertEquals(AttributeValue.s("second"), readItem("{\"a\":{\"S\":\"first\",\"S\":\"second\"}}").get("a"));
    }

    @Test
    void unknownMembersBesideTheTypeAreIgnored() {
        assertEquals(AttributeValue.s("x"), readItem("{\"a\":{\"S\":\"x\",\"Extra\":{\"deep\":[1,2,{}]}}}").get("a"));
    }

    @Test
    void nullMustBeTrue() {
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"NULL\":false}}"),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void booleansMayBeSpelledAsStrings() {
        assertEquals(AttributeValue.bool(true), readItem("{\"a\":{\"BOOL\":\"TRUE\"}}").get("a"));
        assertEquals(AttributeValue.bool(true), readItem("{\"a\":{\"BOOL\":\"Yes\"}}").get("a"));
        assertEquals(AttributeValue.bool(false), readItem("{\"a\":{\"BOOL\":\"0\"}}").get("a"));
        assertEquals(AttributeValue.nul(), readItem("{\"a\":{\"NULL\":\"yes\"}}").get("a"));
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"BOOL\":\"dog\"}}"),
                "Unexpected token received from parser");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"BOOL\":\"2\"}}"),
                "Unexpected token received from parser");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"BOOL\":1}}"),
                "NUMBER_VALUE cannot be converted to Boolean");
    }

    @Test
    void numbersAreParsedWithDynamoDbsSyntax() {
        assertEquals(AttributeValue.n("100"), readItem("{\"a\":{\"N\":\"1E2\"}}").get("a"));
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"N\":\"12a\"}}"),
                "The parameter cannot be converted to a numeric value: 12a");
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"NS\":[\"1\",\" 2\"]}}"),
                "The parameter cannot be converted to a numeric value:  2");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"N\":12}}"),
                "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void badBase64IsASerializationError() {
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"B\":\"23456\"}}"),
                "Base64 encoded length is expected a multiple of 4 bytes but found: 5");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"B\":\"=+/=\"}}"),
                "Invalid last non-pad Base64 character dectected");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"BS\":[\"+/+=\"]}}"),
                "Invalid last non-pad Base64 character dectected");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"B\":5}}"),
                "only base-64-encoded strings are convertible to bytes");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"B\":[]}}"),
                "Unrecognized collection type class java.nio.ByteBuffer");
    }

    @Test
    void wrongJsonTypesGetDynamoDbsMessages() {
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":5}"), "Unexpected value type in payload");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":[]}"),
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"S\":{\"S\":\"x\"}}}"),
                "Start of structure or map found where not expected");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"SS\":\"x\"}}"), "Unexpected field type");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"L\":{}}}"),
                "Start of structure or map found where not expected");
        assertSerialization(ItemRequestReader::putItem, putItem("{\"a\":{\"M\":[]}}"),
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>");
        assertSerialization(ItemRequestReader::putItem, "{\"TableName\":\"t\",\"Item\":[]}",
                "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>");
        assertSerialization(ItemRequestReader::putItem, "{\"TableName\":\"t\",\"Item\":\"x\"}", "Unexpected field type");
    }

    @Test
    void setsMayNotHoldNull() {
        assertValidation(ItemRequestReader::putItem, putItem("{\"a\":{\"SS\":[\"x\",null]}}"),
                "One or more parameter values were invalid: A set may not contain null values");
    }

    @Test
    void binarySetsDecodeEveryMember() {
        AttributeValue.BS bs = (AttributeValue.BS) readItem("{\"a\":{\"BS\":[\"AQ==\",\"AgM=\"]}}").get("a");
        assertArrayEquals(new byte[] {1}, bs.values().get(0));
        assertArrayEquals(new byte[] {2, 3}, bs.values().get(1));
    }

    @Test
    void anAbsentItemIsNull() {
        assertNull(read(ItemRequestReader::putItem, "{\"TableName\":\"t\",\"Item\":null}").item());
    }

    private static Map<String, AttributeValue> readItem(String itemJson) {
        PutItemRequest request = read(ItemRequestReader::putItem, putItem(itemJson));
        return request.item();
    }

    private static String putItem(String itemJson) {
        return "{\"TableName\":\"t\",\"Item\":" + itemJson + "}";
    }

    /** {@code depth} single-key maps around a string leaf: the leaf sits at level depth + 1. */
    private static String nestedMaps(int depth) {
        return "{\"M\":{\"n\":".repeat(depth) + "{\"S\":\"leaf\"}" + "}}".repeat(depth);
    }

    private static String nestedLists(int depth) {
        return "{\"L\":[".repeat(depth) + "{\"S\":\"leaf\"}" + "]}".repeat(depth);
    }
}
