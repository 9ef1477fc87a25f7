package io.modyn.engine.expr;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.Numbers;
import io.modyn.api.model.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short builders for attribute values, items and tables in expression tests. */
public final class Values {

    private Values() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.s(value);
    }

    public static AttributeValue n(String value) {
        return AttributeValue.n(value);
    }

    public static AttributeValue b(String utf8) {
        return AttributeValue.b(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.bool(value);
    }

    public static AttributeValue nul() {
        return AttributeValue.nul();
    }

    public static AttributeValue ss(String... members) {
        return new AttributeValue.SS(List.of(members));
    }

    public static AttributeValue ns(String... members) {
        return new AttributeValue.NS(Arrays.stream(members).map(Numbers::parse).toList());
    }

    public static AttributeValue bs(String... utf8Members) {
        return new AttributeValue.BS(Arrays.stream(utf8Members).map(m -> m.getBytes(StandardCharsets.UTF_8)).toList());
    }

    public static AttributeValue l(AttributeValue... elements) {
        return new AttributeValue.L(List.of(elements));
    }

    /** A map value from alternating names and values. */
    public static AttributeValue m(Object... namesAndValues) {
        return new AttributeValue.M(item(namesAndValues));
    }

    /** An item (or any name-to-value map) from alternating names and values, in order. */
    public static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        return item;
    }

    /** ExpressionAttributeNames from alternating placeholders and names. */
    public static Map<String, String> names(String... placeholdersAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        return names;
    }

    /** A table keyed by {@code pk} (S) and, when given, a sort key {@code sk} (N). */
    public static TableDefinition table(boolean withSortKey) {
        List<KeySchemaElement> keys = withSortKey
                ? List.of(new KeySchemaElement("pk", KeySchemaElement.HASH), new KeySchemaElement("sk", KeySchemaElement.RANGE))
                : List.of(new KeySchemaElement("pk", KeySchemaElement.HASH));
        List<AttributeDefinition> definitions = withSortKey
                ? List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "N"))
                : List.of(new AttributeDefinition("pk", "S"));
        return TableDefinition.builder().tableName("t").tableId("id").keySchema(keys).attributeDefinitions(definitions).build();
    }
}
