package io.modyn.engine.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {

    @Test
    void everyAttributeTypeRoundTrips() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.s("héllo"));
        item.put("empty", AttributeValue.s(""));
        item.put("n", AttributeValue.n("-12345678901234567890123456789012345678E-100"));
        item.put("b", AttributeValue.b(new byte[] {0, -1, 7}));
        item.put("t", AttributeValue.bool(true));
        item.put("f", AttributeValue.bool(false));
        item.put("null", AttributeValue.nul());
        item.put("l", new AttributeValue.L(List.of(AttributeValue.n(1), AttributeValue.s("x"))));
        item.put("m", new AttributeValue.M(Map.of("inner", new AttributeValue.M(Map.of("deep", AttributeValue.bool(true))))));
        item.put("ss", new AttributeValue.SS(List.of("a", "b")));
        item.put("ns", new AttributeValue.NS(List.of(BigDecimal.ONE, new BigDecimal("2.5"))));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2, 3})));
        assertEquals(item, ItemCodec.decode(ItemCodec.encode(item)));
    }

    @Test
    void decodingMeasuresTheSizeItemSizeComputes() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.s("héllo € \uD83D\uDE00"));
        item.put("名前", AttributeValue.s(""));
        item.put("n", AttributeValue.n("-12345678901234567890123456789012345678E-100"));
        item.put("zero", AttributeValue.n(0));
        item.put("b", AttributeValue.b(new byte[] {0, -1, 7}));
        item.put("t", AttributeValue.bool(true));
        item.put("null", AttributeValue.nul());
        item.put("l", new AttributeValue.L(List.of(AttributeValue.n(1), AttributeValue.s("x"), new AttributeValue.L(List.of()))));
        item.put("m", new AttributeValue.M(Map.of("inner", new AttributeValue.M(Map.of("deep", AttributeValue.bool(true), "é", AttributeValue.s("ü"))))));
        item.put("ss", new AttributeValue.SS(List.of("a", "bé")));
        item.put("ns", new AttributeValue.NS(List.of(BigDecimal.ONE, new BigDecimal("2.50"))));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2, 3})));
        ItemCodec.SizedItem decoded = ItemCodec.decodeSized(ItemCodec.encode(item));
        assertEquals(item, decoded.item());
        assertEquals(ItemSize.of(item), decoded.size());
        assertEquals(ItemSize.of(Map.of("k", AttributeValue.s("v"))), ItemCodec.decodeSized(ItemCodec.encode(Map.of("k", AttributeValue.s("v")))).size());
    }

    @Test
    void attributeOrderIsKept() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("z", AttributeValue.n(1));
        item.put("a", AttributeValue.n(2));
        assertEquals(List.of("z", "a"), List.copyOf(ItemCodec.decode(ItemCodec.encode(item)).keySet()));
    }
}
