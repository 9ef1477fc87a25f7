package io.modyn.engine.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes per the developer guide's "Item sizes and formats". */
class ItemSizeTest {

    @Test
    void stringIsNamePlusUtf8Length() {
        assertEquals(4 + 6, ItemSize.of(Map.of("name", AttributeValue.s("héllo"))));
    }

    @Test
    void numberIsAboutOneBytePerTwoDigitsPlusOne() {
        assertEquals(1 + 2, ItemSize.of(Map.of("n", AttributeValue.n("12"))));
        assertEquals(1 + 3, ItemSize.of(Map.of("n", AttributeValue.n("123"))));
    }

    @Test
    void listAndMapHaveThreeBytesPlusOnePerElement() {
        assertEquals(1 + 3 + (1 + 1) + (1 + 1), ItemSize.of(Map.of("l", new AttributeValue.L(List.of(AttributeValue.nul(), AttributeValue.bool(true))))));
        assertEquals(1 + 3 + (1 + 1 + 1), ItemSize.of(Map.of("m", new AttributeValue.M(Map.of("k", AttributeValue.s("v"))))));
    }
}
