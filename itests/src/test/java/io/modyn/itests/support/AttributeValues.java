package io.modyn.itests.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short factories for SDK attribute values, so test data reads like DynamoDB JSON. */
public final class AttributeValues {

    private AttributeValues() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue b(byte... value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    public static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    public static AttributeValue m(Map<String, AttributeValue> values) {
        return AttributeValue.fromM(values);
    }

    public static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    public static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(List.of(values));
    }

    public static AttributeValue bs(byte[]... values) {
        return AttributeValue.fromBs(Arrays.stream(values).map(SdkBytes::fromByteArray).toList());
    }
}
