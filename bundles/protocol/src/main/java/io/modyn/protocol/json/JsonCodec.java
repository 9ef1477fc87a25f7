package io.modyn.protocol.json;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;
import org.eclipse.parsson.api.JsonConfig;

/**
 * The JSON-P entry point of the wire protocol: one Parsson provider, created directly rather than
 * looked up through {@code JsonProvider.provider()} (which searches the class path on every call
 * and does not see a private provider inside an OSGi bundle), and its parser factory, created once
 * and shared; it is thread-safe. Responses are written by {@link Utf8JsonGenerator}.
 *
 * <p>Request bodies are read strictly: malformed UTF-8 and unpaired surrogates are refused (see
 * {@link StrictUnicode}), and so is JSON nested deeper than {@link #MAX_JSON_DEPTH} arrays and
 * objects. The depth is counted once, by the parser, for the whole document, read or skipped; it
 * bounds the work and stack a request can cost, far above the 32 levels of attribute values that
 * {@link AttributeValueReader} allows (a value at level 32 sits about 70 levels deep in the
 * request's JSON, and DynamoDB answers requests with values nested 100 levels with validation
 * errors, so the parser must not refuse those first). Whatever the parser throws becomes DynamoDB's
 * {@code SerializationException} without a message, never an internal error.
 */
public final class JsonCodec {

    /** The deepest nesting of JSON arrays and objects a request may have, the request object included. */
    static final int MAX_JSON_DEPTH = 1000;

    private final JsonParserFactory parsers;

    public JsonCodec() {
        JsonProvider provider = new JsonProviderImpl();
        // Parsson refuses a document whose depth reaches its limit
        this.parsers = provider.createParserFactory(Map.of(JsonConfig.MAX_DEPTH, MAX_JSON_DEPTH + 1));
    }

    /** A cursor over a request body, which DynamoDB requires to be well-formed UTF-8. */
    public JsonInput input(byte[] body) {
        try {
            return new JsonInput(parsers.createParser(StrictUnicode.utf8Reader(body)));
        } catch (RuntimeException e) {
            throw SerializationErrors.malformed();
        }
    }

    /**
     * A generator writing UTF-8 to {@code out}, all at once when it is closed; closing the generator
     * closes {@code out}. Responses are written by {@link Utf8JsonGenerator} directly.
     */
    public JsonGenerator generator(OutputStream out) {
        return new Utf8JsonGenerator(out);
    }

    /**
     * Checks that {@code body} is well-formed JSON without building anything. DynamoDB reports
     * malformed JSON before it looks at the target or the signature, so the error paths for those
     * call this first.
     */
    public boolean isWellFormed(byte[] body) {
        try (JsonParser parser = parsers.createParser(StrictUnicode.utf8Reader(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING) {
                    StrictUnicode.requirePairedSurrogates(parser.getString());
                }
            }
            return true;
        } catch (RuntimeException e) {
            // The parser's own failures (JsonException, depth and number limits) and ours alike
            return false;
        }
    }
}
