package io.modyn.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Reads request JSON and writes response JSON through the production codec, for tests. */
final class CodecFixture {

    static final JsonCodec CODEC = new JsonCodec();

    private CodecFixture() {
    }

    static <Q> Q read(Function<JsonInput, Q> reader, String json) {
        return reader.apply(CODEC.input(json.getBytes(StandardCharsets.UTF_8)));
    }

    static <R> String write(BiConsumer<JsonGenerator, R> writer, R response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = CODEC.generator(out)) {
            writer.accept(generator, response);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Asserts that reading {@code json} fails with the given error type and exact message (null for none). */
    static void assertRejected(Function<JsonInput, ?> reader, String json, ErrorType type, String message) {
        DynamoException error = assertThrows(DynamoException.class, () -> read(reader, json), json);
        assertEquals(type, error.type(), json);
        assertEquals(message, error.getMessage(), json);
    }

    static void assertSerialization(Function<JsonInput, ?> reader, String json, String message) {
        assertRejected(reader, json, ErrorType.SERIALIZATION, message);
    }

    static void assertValidation(Function<JsonInput, ?> reader, String json, String message) {
        assertRejected(reader, json, ErrorType.VALIDATION, message);
    }
}
