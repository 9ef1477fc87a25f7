package io.modyn.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.parsson.JsonProviderImpl;
import org.junit.jupiter.api.Test;

/** The generator every response is written with writes the bytes Parsson's generator writes. */
class Utf8JsonGeneratorTest {

    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t newline \n cr \r bs \b ff \f nul \u0000 us \u001f del \u007f "
            + "é ß € 中文 emoji \uD83D\uDE00 end";

    @Test
    void writesStringsAsParssonDoes() {
        assertSame(out -> out.writeStartObject().write("S", AWKWARD).write(AWKWARD, "key").writeEnd());
        assertSame(out -> out.writeStartArray().write("").write("plain ascii").write(AWKWARD).writeEnd());
    }

    @Test
    void writesNumbersAndLiteralsAsParssonDoes() {
        assertSame(out -> out.writeStartObject()
                .write("int", Integer.MIN_VALUE).write("long", Long.MAX_VALUE).write("double", 0.5).write("units", 1.0)
                .write("decimal", new BigDecimal("-1.50E+3")).write("big", new BigInteger("123456789012345678901234567890"))
                .write("true", true).write("false", false).writeNull("null").writeEnd());
        assertSame(out -> out.writeStartArray().write(7).write(-7L).write(2.5e-10).write(BigDecimal.TEN).write(BigInteger.ONE)
                .write(true).writeNull().writeEnd());
    }

    @Test
    void writesNestedStructuresAsParssonDoes() {
        assertSame(out -> out.writeStartObject()
                .writeStartObject("Item").writeStartObject("pk").write("S", "p1").writeEnd()
                .writeStartObject("l").writeStartArray("L").writeStartObject().write("N", "1").writeEnd().writeStartObject().writeEnd().writeEnd().writeEnd()
                .writeEnd()
                .writeStartArray("Empty").writeEnd()
                .writeKey("Keyed").writeStartObject().write("a", 1).writeEnd()
                .writeKey("Scalar").write("value")
                .write("Value", Json.createObjectBuilder().add("x", 1).add("y", Json.createArrayBuilder().add("z").addNull()).build())
                .writeEnd());
    }

    @Test
    void encodesAnUnpairedSurrogateAsTheJdkEncoderDoes() {
        assertSame(out -> out.writeStartArray().write("lone \uD800 high").write("lone \uDC00 low").write("end \uD83D").writeEnd());
    }

    @Test
    void refusesCallsThatWouldMakeMalformedJson() {
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator().writeStartObject().write("value"));
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator().writeStartArray().write("name", "value"));
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator().writeEnd());
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator().writeStartObject().writeEnd().writeStartObject());
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator().writeStartObject().close());
        assertThrows(JsonGenerationException.class, () -> new Utf8JsonGenerator().close());
        assertThrows(NumberFormatException.class, () -> new Utf8JsonGenerator().writeStartArray().write(Double.NaN));
    }

    @Test
    void finishReturnsExactlyTheTextAndLeavesTheNextResponseItsOwn() {
        Utf8JsonGenerator first = new Utf8JsonGenerator();
        first.writeStartObject().write("a", "x".repeat(10_000)).writeEnd();
        byte[] large = first.finish();
        Utf8JsonGenerator second = new Utf8JsonGenerator();
        second.writeStartObject().writeEnd();
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), second.finish());
        assertEquals("{\"a\":\"" + "x".repeat(10_000) + "\"}", new String(large, StandardCharsets.UTF_8));
    }

    private static void assertSame(Consumer<JsonGenerator> writes) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator parsson = new JsonProviderImpl().createGeneratorFactory(Map.of()).createGenerator(expected, StandardCharsets.UTF_8)) {
            writes.accept(parsson);
        }
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (JsonGenerator ours = new Utf8JsonGenerator(streamed)) {
            writes.accept(ours);
        }
        Utf8JsonGenerator finished = new Utf8JsonGenerator();
        writes.accept(finished);
        assertEquals(expected.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected.toByteArray(), streamed.toByteArray());
        assertArrayEquals(expected.toByteArray(), finished.finish());
    }
}
