package io.modyn.protocol.json;

import io.modyn.api.model.DynamoException;
import jakarta.json.stream.JsonParser.Event;

/**
 * The messages DynamoDB's request deserializer answers when a member has the wrong JSON type.
 *
 * <p>DynamoDB reads a request body in order and reports the first member whose JSON type does not
 * fit its declared shape, without naming the member. The message depends on the declared shape and
 * on the JSON token found, and is worded after the Java types of DynamoDB's own deserializer
 * ({@code java.lang.String}, {@code java.nio.ByteBuffer}, ...). The wording here follows responses
 * recorded from DynamoDB by the dynalite and floci projects' test suites. Malformed JSON is a
 * {@code SerializationException} without a message.
 */
final class SerializationErrors {

    static final String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";
    static final String OBJECT_NOT_EXPECTED = "Start of structure or map found where not expected";
    static final String UNEXPECTED_FIELD_TYPE = "Unexpected field type";
    static final String UNEXPECTED_VALUE_TYPE = "Unexpected value type in payload";
    static final String UNEXPECTED_TOKEN = "Unexpected token received from parser";
    static final String BLOB_NOT_STRING = "only base-64-encoded strings are convertible to bytes";
    /**
     * A scalar where a collection nested in a collection was expected (a list as a map value, a map
     * as a list element): DynamoDB's deserializer fails on the generic type and sends the JVM's text.
     */
    static final String NESTED_COLLECTION_CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "and java.lang.Class are in module java.base of loader 'bootstrap')";

    private SerializationErrors() {
    }

    /** Malformed JSON, an empty body or a body that is not a JSON object: DynamoDB sends no message. */
    static DynamoException malformed() {
        return DynamoException.serialization(null);
    }

    static DynamoException of(String message) {
        return DynamoException.serialization(message);
    }

    /** A scalar token where a scalar of another type was expected: "NUMBER_VALUE cannot be converted to String". */
    static DynamoException cannotConvert(String tokenName, String javaType) {
        return of(tokenName + " cannot be converted to " + javaType);
    }

    /**
     * A number beyond the range of the Integer or Long member it was sent for. DynamoDB's wording
     * for this case is not recorded anywhere we could find; this is the form DynamoDB uses for the
     * other numbers its deserializer cannot convert ("NUMBER_VALUE cannot be converted to Boolean"),
     * with the token named as for those ({@code 1e400} is a DECIMAL_VALUE).
     */
    static DynamoException outOfRange(String tokenName, String javaType) {
        return cannotConvert(tokenName, javaType);
    }

    /** A JSON array where a scalar or a structure was expected. */
    static DynamoException unrecognizedCollection(String javaClass) {
        return of("Unrecognized collection type class " + javaClass);
    }

    /** A JSON array where a map was expected. */
    static DynamoException unrecognizedMap(String valueJavaType) {
        return of("Unrecognized collection type java.util.Map<java.lang.String, " + valueJavaType + ">");
    }

    /** The deserializer's name for a scalar token; {@code integral} matters for numbers only. */
    static String tokenName(Event event, boolean integral) {
        return switch (event) {
            case VALUE_STRING -> "STRING_VALUE";
            case VALUE_TRUE -> "TRUE_VALUE";
            case VALUE_FALSE -> "FALSE_VALUE";
            case VALUE_NUMBER -> integral ? "NUMBER_VALUE" : "DECIMAL_VALUE";
            default -> throw new IllegalArgumentException("not a scalar token: " + event);
        };
    }
}
