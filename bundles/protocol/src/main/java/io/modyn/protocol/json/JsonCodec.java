package io.modyn.protocol.json;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The JSON-P entry point of the wire protocol: one Parsson provider, created directly rather than
 * looked up through {@code JsonProvider.provider()} (which searches the class path on every call
 * and does not see a private provider inside an OSGi bundle), and its parser and generator
 * factories, created once and shared; they are thread-safe.
 */
public final class JsonCodec {

    private final JsonParserFactory parsers;
    private final JsonGeneratorFactory generators;

    public JsonCodec() {
        JsonProvider provider = new JsonProviderImpl();
        this.parsers = provider.createParserFactory(Map.of());
        this.generators = provider.createGeneratorFactory(Map.of());
    }

    /** A cursor over a request body, which DynamoDB requires to be UTF-8. */
    public JsonInput input(byte[] body) {
        try {
            JsonParser parser = parsers.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8);
            return new JsonInput(parser);
        } catch (JsonException e) {
            throw SerializationErrors.malformed();
        }
    }

    /** A generator writing UTF-8 to {@code out}; closing the generator closes {@code out}. */
    public JsonGenerator generator(OutputStream out) {
        return generators.createGenerator(out, StandardCharsets.UTF_8);
    }

    /**
     * Checks that {@code body} is well-formed JSON without building anything. DynamoDB reports
     * malformed JSON before it looks at the target or the signature, so the error paths for those
     * call this first.
     */
    public boolean isWellFormed(byte[] body) {
        try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return false;
        }
    }
}
