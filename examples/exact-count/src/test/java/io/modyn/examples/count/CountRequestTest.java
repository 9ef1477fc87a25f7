package io.modyn.examples.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountRequestTest {

    @Test
    void tableAndIndexAreRead() {
        assertEquals(new CountRequest("orders", "byCustomer"), parse("{\"TableName\":\"orders\",\"IndexName\":\"byCustomer\"}"));
        assertEquals(new CountRequest("orders", null), parse("{\"TableName\":\"orders\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"orders\"", "{\"TableName\":7}", "{\"TableName\":", "not json"})
    void whatIsNoObjectOfStringsIsASerializationException(String body) {
        DynamoException error = assertThrows(DynamoException.class, () -> parse(body));
        assertEquals("SerializationException", error.type().wireName());
    }

    @Test
    void theAnswerIsJson() {
        assertEquals("{\"Count\":3,\"ScannedCount\":4,\"Pages\":1}", CountRequest.answer(3, 4, 1));
    }

    private static CountRequest parse(String body) {
        return CountRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
