package io.modyn.export.format;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An item with every attribute type and the awkward values (quotes, newlines, non-ASCII names, big numbers). */
final class ItemSamples {

    private ItemSamples() {
    }

    static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("key \"quoted\"\nline\ttab \\ é 😀"));
        item.put("n", AttributeValue.n("-12345678901234567890.123456789012345678"));
        item.put("tiny", AttributeValue.n("1E-130"));
        item.put("big", AttributeValue.n("9.9999999999999999999999999999999999999E+125"));
        item.put("int", AttributeValue.n("100"));
        item.put("b", AttributeValue.b(new byte[] {0, 1, 2, (byte) 0xff}));
        item.put("t", AttributeValue.bool(true));
        item.put("f", AttributeValue.bool(false));
        item.put("nul", AttributeValue.nul());
        item.put("l", new AttributeValue.L(List.of(AttributeValue.s("x"), AttributeValue.n("1.5"), new AttributeValue.L(List.of()))));
        item.put("m", new AttributeValue.M(Map.of("inner name", AttributeValue.s("v"), "null", AttributeValue.nul())));
        item.put("ss", new AttributeValue.SS(List.of("a", "b'c")));
        item.put("ns", new AttributeValue.NS(List.of(new BigDecimal("1"), new BigDecimal("-2.5"), new BigDecimal("3E+10"))));
        item.put("bs", new AttributeValue.BS(List.of("x".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x80})));
        item.put("attr with space", AttributeValue.s(""));
        item.put("ünïcode", AttributeValue.s("v"));
        item.put("123digits", AttributeValue.s("v"));
        item.put("true", AttributeValue.s("keyword as a name"));
        return item;
    }
}
