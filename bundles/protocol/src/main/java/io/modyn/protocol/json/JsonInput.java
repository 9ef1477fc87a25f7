package io.modyn.protocol.json;

import static io.modyn.protocol.json.SerializationErrors.NESTED_COLLECTION_CAST;
import static io.modyn.protocol.json.SerializationErrors.OBJECT_NOT_EXPECTED;
import static io.modyn.protocol.json.SerializationErrors.UNEXPECTED_FIELD_TYPE;
import static io.modyn.protocol.json.SerializationErrors.UNEXPECTED_VALUE_TYPE;

import io.modyn.api.model.DynamoException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cursor over a streaming JSON-P parser that reads typed request members the way DynamoDB's
 * deserializer does.
 *
 * <p>The cursor always sits on one value: the value of the member last returned by
 * {@link #nextMember()} or the element last returned by {@link #nextElement()}. The {@code read*}
 * methods interpret that value as the member's declared shape; a JSON {@code null} reads as an
 * absent member ({@code null}), and a value of the wrong JSON type throws the
 * {@code SerializationException} DynamoDB sends for it (see {@link SerializationErrors}).
 * Structures, lists and maps are entered with {@code begin*} and walked with
 * {@code nextMember}/{@code nextElement} until those return false.
 *
 * <p>Every failure of the parser (malformed JSON or UTF-8, nesting beyond
 * {@link JsonCodec#MAX_JSON_DEPTH}, a number too long to parse) and every string with an unpaired
 * surrogate, read or skipped, is DynamoDB's {@code SerializationException} without a message.
 */
public final class JsonInput {

    /** Where a structure sits: as a named member (a "field") or as a list element or map value. */
    enum Placement { FIELD, ELEMENT }

    // Exclusive bounds: a number truncates into the range when it lies strictly between them.
    private static final BigDecimal BELOW_INT = BigDecimal.valueOf(Integer.MIN_VALUE).subtract(BigDecimal.ONE);
    private static final BigDecimal ABOVE_INT = BigDecimal.valueOf(Integer.MAX_VALUE).add(BigDecimal.ONE);
    private static final BigDecimal BELOW_LONG = BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE);
    private static final BigDecimal ABOVE_LONG = BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE);

    private final JsonParser parser;
    private Event value;
    private String memberName;

    JsonInput(JsonParser parser) {
        this.parser = parser;
    }

    /** Enters the request body, which must be one JSON object. */
    void beginRequest() {
        if (next() != Event.START_OBJECT) {
            throw SerializationErrors.malformed();
        }
    }

    /** Checks that nothing but white space follows the request object, then releases the parser. */
    void endRequest() {
        boolean more;
        try {
            more = parser.hasNext();
        } catch (RuntimeException e) {
            more = true;
        } finally {
            parser.close();
        }
        if (more) {
            throw SerializationErrors.malformed();
        }
    }

    /** Advances to the next member of the current object; false at its end. */
    boolean nextMember() {
        Event event = next();
        if (event == Event.END_OBJECT) {
            return false;
        }
        memberName = string();
        value = next();
        return true;
    }

    /** The name of the member under the cursor. */
    String memberName() {
        return memberName;
    }

    /** Advances to the next element of the current array; false at its end. */
    boolean nextElement() {
        Event event = next();
        if (event == Event.END_ARRAY) {
            return false;
        }
        value = event;
        return true;
    }

    boolean isNull() {
        return value == Event.VALUE_NULL;
    }

    /**
     * Skips the value under the cursor, however deep (the parser bounds the depth); used for members
     * this server does not read. Their strings are checked like any other.
     */
    void skipValue() {
        if (value == Event.VALUE_STRING) {
            string();
        }
        if (value != Event.START_OBJECT && value != Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            Event event = next();
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                depth++;
            } else if (event == Event.END_OBJECT || event == Event.END_ARRAY) {
                depth--;
            } else if (event == Event.KEY_NAME || event == Event.VALUE_STRING) {
                string();
            }
        }
    }

    String readString() {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> string();
            case VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE -> throw cannotConvert("String");
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection("java.lang.String");
            default -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
        };
    }

    /**
     * An Integer member. Like DynamoDB, a fractional number is truncated toward zero (dynalite's
     * tests, run against DynamoDB, and floci's both accept {@code "Limit": 5.5}); a number whose
     * integer part is beyond the int range, such as {@code 2147483648} or {@code 1e400}, is refused,
     * as no int can hold it (see {@link SerializationErrors#outOfRange}).
     */
    Integer readInteger() {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER -> (int) integral(BELOW_INT, ABOVE_INT, "Integer");
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> throw cannotConvert("Integer");
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection("java.lang.Integer");
            default -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
        };
    }

    /** A Long member, truncated and range-checked like {@link #readInteger()}. */
    Long readLong() {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER -> integral(BELOW_LONG, ABOVE_LONG, "Long");
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> throw cannotConvert("Long");
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection("java.lang.Long");
            default -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
        };
    }

    /**
     * A Boolean member. DynamoDB's deserializer also takes a few words as strings, in any case:
     * "true", "yes" and "1", "false", "no" and "0" (dynalite's tests, run against DynamoDB, send
     * {@code {"BOOL":"0"}} and {@code {"NULL":"yes"}} as valid values; ScyllaDB's issue 9432 saw
     * DynamoDB take "yes" and refuse "dog").
     */
    Boolean readBoolean() {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> booleanWord(string());
            case VALUE_NUMBER -> throw cannotConvert("Boolean");
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection("java.lang.Boolean");
            default -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
        };
    }

    /**
     * A timestamp member (backups' and exports' times): seconds since the epoch, with a fraction, as the AWS
     * SDKs send timestamps in the JSON 1.0 protocol; a string holding such a number is taken too.
     */
    java.time.Instant readTimestamp() {
        BigDecimal seconds = switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER -> number();
            case VALUE_STRING -> {
                try {
                    yield new BigDecimal(string());
                } catch (NumberFormatException e) {
                    throw cannotConvert("Date");
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> throw cannotConvert("Date");
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection("java.util.Date");
            default -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
        };
        if (seconds == null) return null;
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) throw SerializationErrors.outOfRange("NUMBER", "Date");
        long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR).intValue();
        return java.time.Instant.ofEpochSecond(whole, nanos);
    }

    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(31_556_889_864_403_199L);

    /** A Blob member: base64 text, decoded strictly as DynamoDB does. */
    byte[] readBlob() {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> Base64Text.decode(string());
            case VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE -> throw SerializationErrors.of(SerializationErrors.BLOB_NOT_STRING);
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection("java.nio.ByteBuffer");
            default -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
        };
    }

    /**
     * Enters a list; false if it is null. A list that is itself an element or a map value (the
     * write requests of one table in BatchWriteItem) refuses a scalar with the message DynamoDB's
     * deserializer fails with for such nested collections.
     */
    boolean beginList(Placement placement) {
        return switch (value) {
            case VALUE_NULL -> false;
            case START_ARRAY -> true;
            case START_OBJECT -> throw SerializationErrors.of(OBJECT_NOT_EXPECTED);
            default -> throw SerializationErrors.of(placement == Placement.FIELD ? UNEXPECTED_FIELD_TYPE : NESTED_COLLECTION_CAST);
        };
    }

    /**
     * Enters a map; false if it is null. A map that is a list element (a key in BatchGetItem's
     * Keys) refuses a scalar like a nested list does, see {@link #beginList(Placement)}.
     *
     * @param valueJavaType the Java type DynamoDB names for the map's values in its error message
     */
    boolean beginMap(Placement placement, String valueJavaType) {
        return switch (value) {
            case VALUE_NULL -> false;
            case START_OBJECT -> true;
            case START_ARRAY -> throw SerializationErrors.unrecognizedMap(valueJavaType);
            default -> throw SerializationErrors.of(placement == Placement.FIELD ? UNEXPECTED_FIELD_TYPE : NESTED_COLLECTION_CAST);
        };
    }

    /**
     * Enters a structure; false if it is null.
     *
     * @param shape the structure's name in DynamoDB's API model, such as {@code KeySchemaElement}
     */
    boolean beginStruct(String shape, Placement placement) {
        return switch (value) {
            case VALUE_NULL -> false;
            case START_OBJECT -> true;
            case START_ARRAY -> throw SerializationErrors.unrecognizedCollection(SerializationErrors.MODEL_PACKAGE + shape);
            default -> throw SerializationErrors.of(placement == Placement.FIELD ? UNEXPECTED_FIELD_TYPE : UNEXPECTED_VALUE_TYPE);
        };
    }

    /** Reads a list member whose elements {@code element} reads; null if the member is null. */
    <T> List<T> readList(Supplier<T> element) {
        return readList(Placement.FIELD, element);
    }

    /** Reads a list placed as a member or as an element; null if it is null. Null elements are kept. */
    <T> List<T> readList(Placement placement, Supplier<T> element) {
        if (!beginList(placement)) {
            return null;
        }
        List<T> list = new ArrayList<>();
        while (nextElement()) {
            list.add(element.get());
        }
        return Collections.unmodifiableList(list);
    }

    /** Reads a map member in document order; null if the member is null. A repeated key keeps its last value. */
    <T> Map<String, T> readMap(String valueJavaType, Supplier<T> element) {
        return readMap(Placement.FIELD, valueJavaType, element);
    }

    /** Reads a map placed as a member or as an element, in document order; null if it is null. */
    <T> Map<String, T> readMap(Placement placement, String valueJavaType, Supplier<T> element) {
        if (!beginMap(placement, valueJavaType)) {
            return null;
        }
        Map<String, T> map = new LinkedHashMap<>();
        while (nextMember()) {
            String key = memberName;
            map.put(key, element.get());
        }
        return Collections.unmodifiableMap(map);
    }

    List<String> readStringList() {
        return readList(this::readString);
    }

    Map<String, String> readStringMap() {
        return readMap("java.lang.String", this::readString);
    }

    /**
     * The next parser event. Parsson fails with JsonException for malformed JSON or UTF-8, but with
     * a bare RuntimeException for nesting beyond its depth limit, so every RuntimeException counts.
     */
    private Event next() {
        try {
            if (parser.hasNext()) {
                return parser.next();
            }
        } catch (RuntimeException e) {
            // falls through to the refusal
        }
        throw SerializationErrors.malformed();
    }

    /** The string under the parser, once its surrogates are known to be paired. */
    private String string() {
        return StrictUnicode.requirePairedSurrogates(parser.getString());
    }

    private BigDecimal number() {
        try {
            return parser.getBigDecimal();
        } catch (RuntimeException e) {
            // Parsson refuses numbers longer than it is configured to parse (UnsupportedOperationException),
            // BigDecimal exponents beyond an int (NumberFormatException)
            throw SerializationErrors.malformed();
        }
    }

    /**
     * The number under the cursor truncated toward zero, if it lies strictly between the bounds. The
     * bounds are compared before anything is computed, so an absurd exponent such as 1E999999999
     * costs nothing.
     */
    private long integral(BigDecimal below, BigDecimal above, String javaType) {
        BigDecimal number = number();
        if (number.compareTo(above) >= 0 || number.compareTo(below) <= 0) {
            throw SerializationErrors.outOfRange(SerializationErrors.tokenName(value, parser.isIntegralNumber()), javaType);
        }
        return number.abs().compareTo(BigDecimal.ONE) < 0 ? 0 : number.longValue();
    }

    private DynamoException cannotConvert(String javaType) {
        boolean integral = value == Event.VALUE_NUMBER && parser.isIntegralNumber();
        return SerializationErrors.cannotConvert(SerializationErrors.tokenName(value, integral), javaType);
    }

    private static Boolean booleanWord(String word) {
        if ("true".equalsIgnoreCase(word) || "yes".equalsIgnoreCase(word) || "1".equals(word)) return Boolean.TRUE;
        if ("false".equalsIgnoreCase(word) || "no".equalsIgnoreCase(word) || "0".equals(word)) return Boolean.FALSE;
        throw SerializationErrors.of(SerializationErrors.UNEXPECTED_TOKEN);
    }
}
