package io.modyn.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IonTextTest {

    @Test
    void everyAttributeTypeSurvivesALine() {
        Map<String, AttributeValue> item = ItemSamples.everyType();
        assertEquals(item, IonItemParser.parseItemLine(IonText.itemLine(item)));
        assertEquals(item, IonItemParser.parseItemLine(IonText.VERSION_MARKER + " " + IonText.itemLine(item)));
    }

    @Test
    void writesSetsAsAnnotatedListsAndNumbersAsDecimals() {
        String line = IonText.itemLine(Map.of("ns", new AttributeValue.NS(List.of(new java.math.BigDecimal("1.5")))));
        assertEquals("{Item:{ns:$dynamodb_NS::[15d-1]}}", line);
    }

    @Test
    void readsIonAsOtherWritersSpellIt() {
        Map<String, AttributeValue> item = IonItemParser.parseItemLine(
                "$ion_1_0 {Item:{'pk':\"a\", n:1.5, i:42, e:1.0e3, b:{{AAE=}}, s:$dynamodb_SS::[\"x\"], z:null.struct, "
                        + "l:[true,false,], m:{\"k\":'''long''' '''string'''}, /* comment */ bs:$dynamodb_BS::[{{AA==}}]}}");
        assertEquals(AttributeValue.s("a"), item.get("pk"));
        assertEquals(AttributeValue.n("1.5"), item.get("n"));
        assertEquals(AttributeValue.n("42"), item.get("i"));
        assertEquals(AttributeValue.n("1000"), item.get("e"));
        assertEquals(AttributeValue.b(new byte[] {0, 1}), item.get("b"));
        assertEquals(new AttributeValue.SS(List.of("x")), item.get("s"));
        assertEquals(AttributeValue.nul(), item.get("z"));
        assertEquals(new AttributeValue.L(List.of(AttributeValue.bool(true), AttributeValue.bool(false))), item.get("l"));
        assertEquals(new AttributeValue.M(Map.of("k", AttributeValue.s("longstring"))), item.get("m"));
        assertEquals(new AttributeValue.BS(List.of(new byte[] {0})), item.get("bs"));
    }

    @Test
    void refusesLinesThatAreNotItems() {
        assertThrows(IllegalArgumentException.class, () -> IonItemParser.parseItemLine("{Item:{a:\"x\"}"));
        assertThrows(IllegalArgumentException.class, () -> IonItemParser.parseItemLine("{Other:{a:\"x\"}}"));
        assertThrows(IllegalArgumentException.class, () -> IonItemParser.parseItemLine("{Item:{a:$dynamodb_NS::[\"x\"]}}"));
        assertThrows(IllegalArgumentException.class, () -> IonItemParser.parseItemLine("{Item:{a:\"x\"}} trailing"));
    }
}
