package io.modyn.itests.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Assertions on what the SDK reports: exact error types, codes and messages; item equality. */
public final class DynamoAssertions {

    private DynamoAssertions() {
    }

    /**
     * Asserts that {@code call} fails with the SDK exception class {@code type}, the wire error code
     * {@code errorCode}, HTTP 400 and exactly {@code message}.
     */
    public static <T extends DynamoDbException> T assertDynamoError(Class<T> type, String errorCode, String message,
                                                                    Executable call) {
        T error = assertThrows(type, call);
        assertAll(
                () -> assertEquals(errorCode, error.awsErrorDetails().errorCode(), "error code"),
                () -> assertEquals(message, error.awsErrorDetails().errorMessage(), "error message"),
                () -> assertEquals(400, error.statusCode(), "HTTP status"));
        return error;
    }

    /** A {@code ValidationException} (which the SDK has no class for) with exactly this message. */
    public static DynamoDbException assertValidationError(String message, Executable call) {
        return assertDynamoError(DynamoDbException.class, "ValidationException", message, call);
    }

    /**
     * A {@code ValidationException} with this message, bare or inside DynamoDB's
     * {@code "1 validation error detected: "} envelope. The envelope around the validation errors of
     * the write operations differs by region and has been changing (multi-region captures of 2026
     * in paritysuite/dynamodb-conformance, tests/tier3/error-messages), so either form is DynamoDB's.
     */
    public static DynamoDbException assertValidationErrorAnyRegion(String message, Executable call) {
        return assertValidationErrorMatching("(1 validation error detected: )?" + Pattern.quote(message), call);
    }

    /**
     * A {@code ValidationException} with one of {@code messages}, each bare or in the envelope: for
     * the refusals DynamoDB words differently depending on which of its two validation layers checks
     * the request (the older one wraps expression values in "ExpressionAttributeValues contains
     * invalid value: ... for key :v" and names the missing expressions); both are DynamoDB's
     * answers (paritysuite/dynamodb-conformance, tests/tier3/error-messages/valueLayers.test.ts).
     */
    public static DynamoDbException assertValidationErrorOneOf(Executable call, String... messages) {
        StringBuilder alternatives = new StringBuilder();
        for (String message : messages) {
            if (alternatives.length() > 0) alternatives.append('|');
            alternatives.append(Pattern.quote(message));
        }
        return assertValidationErrorMatching("(1 validation error detected: )?(" + alternatives + ")", call);
    }

    /**
     * A {@code ValidationException} whose message starts with {@code prefix}: for the few messages
     * whose tail the public references do not agree on (an enum's order, a value's rendering).
     */
    public static DynamoDbException assertValidationErrorStartingWith(String prefix, Executable call) {
        DynamoDbException error = assertThrows(DynamoDbException.class, call);
        String message = error.awsErrorDetails().errorMessage();
        assertAll(
                () -> assertEquals("ValidationException", error.awsErrorDetails().errorCode(), "error code"),
                () -> assertTrue(message != null && message.startsWith(prefix),
                        () -> "message «" + message + "» does not start with «" + prefix + "»"),
                () -> assertEquals(400, error.statusCode(), "HTTP status"));
        return error;
    }

    /**
     * A {@code ValidationException} whose whole message matches {@code regex}: for messages that
     * render a large request value DynamoDB's way (a list of 101 keys, a map of 26 writes).
     */
    public static DynamoDbException assertValidationErrorMatching(String regex, Executable call) {
        DynamoDbException error = assertThrows(DynamoDbException.class, call);
        String message = error.awsErrorDetails().errorMessage();
        assertAll(
                () -> assertEquals("ValidationException", error.awsErrorDetails().errorCode(), "error code"),
                () -> assertTrue(message != null && message.matches(regex),
                        () -> "message «" + message + "» does not match «" + regex + "»"),
                () -> assertEquals(400, error.statusCode(), "HTTP status"));
        return error;
    }

    /** A {@code ConditionalCheckFailedException} with DynamoDB's message. */
    public static ConditionalCheckFailedException assertConditionFailed(Executable call) {
        return assertDynamoError(ConditionalCheckFailedException.class, "ConditionalCheckFailedException",
                "The conditional request failed", call);
    }

    /**
     * Asserts two items are equal as DynamoDB defines it: sets (SS, NS, BS) have no order, lists
     * and everything else must match exactly, number text included.
     */
    public static void assertSameItem(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        assertEquals(comparable(expected), comparable(actual));
    }

    private static Map<String, Object> comparable(Map<String, AttributeValue> item) {
        if (item == null) return null;
        Map<String, Object> result = new LinkedHashMap<>();
        item.forEach((name, value) -> result.put(name, comparable(value)));
        return result;
    }

    /** A value as a tagged Java object whose equals matches DynamoDB's notion of equal values. */
    private static Object comparable(AttributeValue value) {
        return switch (value.type()) {
            case S -> List.of("S", value.s());
            case N -> List.of("N", value.n());
            case B -> List.of("B", value.b());
            case BOOL -> List.of("BOOL", value.bool());
            case NUL -> List.of("NULL", value.nul());
            case SS -> List.of("SS", new HashSet<>(value.ss()));
            case NS -> List.of("NS", new HashSet<>(value.ns()));
            case BS -> List.of("BS", Set.copyOf(value.bs().stream().map(SdkBytes::asByteBuffer).toList()));
            case L -> List.of("L", value.l().stream().map(DynamoAssertions::comparable).toList());
            case M -> List.of("M", comparable(value.m()));
            case UNKNOWN_TO_SDK_VERSION -> throw new AssertionError("Value of unknown type: " + value);
        };
    }
}
