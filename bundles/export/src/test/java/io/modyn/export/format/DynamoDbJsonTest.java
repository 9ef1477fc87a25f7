package io.modyn.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbJsonTest {

    @Test
    void everyAttributeTypeSurvivesALine() {
        Map<String, AttributeValue> item = ItemSamples.everyType();
        String line = DynamoDbJson.itemLine(item);
        assertEquals(item, DynamoDbJson.parseItemLine(line));
    }

    @Test
    void writesTheExportShapeOfDynamoDb() {
        String line = DynamoDbJson.itemLine(Map.of("id", AttributeValue.n("7")));
        assertEquals("{\"Item\":{\"id\":{\"N\":\"7\"}}}", line);
    }

    @Test
    void readsWhatDynamoDbWrites() {
        Map<String, AttributeValue> item = DynamoDbJson.parseItemLine(
                "{\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.50\"},\"s\":{\"SS\":[\"x\",\"y\"]},\"z\":{\"NULL\":true},\"b\":{\"B\":\"AAE=\"}}}");
        assertEquals(AttributeValue.s("a"), item.get("pk"));
        assertEquals(AttributeValue.n("1.5"), item.get("n"));
        assertEquals(AttributeValue.nul(), item.get("z"));
        assertEquals(AttributeValue.b(new byte[] {0, 1}), item.get("b"));
    }

    @Test
    void refusesLinesThatAreNotItems() {
        assertThrows(IllegalArgumentException.class, () -> DynamoDbJson.parseItemLine("not json"));
        assertThrows(IllegalArgumentException.class, () -> DynamoDbJson.parseItemLine("{\"pk\":{\"S\":\"a\"}}"));
        assertThrows(IllegalArgumentException.class, () -> DynamoDbJson.parseItemLine("{\"Item\":{\"pk\":{\"Q\":\"a\"}}}"));
        assertThrows(IllegalArgumentException.class, () -> DynamoDbJson.parseItemLine("{\"Item\":{\"n\":{\"N\":\"abc\"}}}"));
        assertThrows(IllegalArgumentException.class, () -> DynamoDbJson.parseItemLine("{\"Item\":{\"s\":{\"SS\":[]}}}"));
    }
}
