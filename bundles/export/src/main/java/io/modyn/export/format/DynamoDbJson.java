package io.modyn.export.format;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.Numbers;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB JSON, the type-tagged form of the wire protocol ({@code {"S":"x"}}, {@code {"N":"1"}},
 * binary in Base64), one item a line wrapped as {@code {"Item":{...}}}: what an export in
 * DYNAMODB_JSON writes and an import of DYNAMODB_JSON reads. Parsson is called directly, not
 * through JSON-P's provider lookup, which cannot see it inside this bundle.
 */
public final class DynamoDbJson {

    static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private DynamoDbJson() {
    }

    public static JsonProvider provider() {
        return JSON;
    }

    /** One export line, without its newline. */
    public static String itemLine(Map<String, AttributeValue> item) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeKey("Item");
            writeItem(out, item);
            out.writeEnd();
        }
        return text.toString();
    }

    static void writeItem(JsonGenerator out, Map<String, AttributeValue> item) {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            out.writeKey(attribute.getKey());
            writeValue(out, attribute.getValue());
        }
        out.writeEnd();
    }

    static void writeValue(JsonGenerator out, AttributeValue value) {
        out.writeStartObject();
        if (value instanceof AttributeValue.S s) {
            out.write("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.write("N", n.text());
        } else if (value instanceof AttributeValue.B b) {
            out.write("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.Bool bool) {
            out.write("BOOL", bool.value());
        } else if (value instanceof AttributeValue.Null) {
            out.write("NULL", true);
        } else if (value instanceof AttributeValue.L l) {
            out.writeStartArray("L");
            l.values().forEach(element -> writeValue(out, element));
            out.writeEnd();
        } else if (value instanceof AttributeValue.M m) {
            out.writeKey("M");
            writeItem(out, m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            out.writeStartArray("SS");
            ss.values().forEach(out::write);
            out.writeEnd();
        } else if (value instanceof AttributeValue.NS ns) {
            out.writeStartArray("NS");
            ns.values().forEach(number -> out.write(number.toPlainString()));
            out.writeEnd();
        } else if (value instanceof AttributeValue.BS bs) {
            out.writeStartArray("BS");
            bs.values().forEach(bytes -> out.write(Base64.getEncoder().encodeToString(bytes)));
            out.writeEnd();
        }
        out.writeEnd();
    }

    /**
     * The item of one import line ({@code {"Item":{...}}}).
     *
     * @throws IllegalArgumentException with the reason when the line is not such an item
     */
    public static Map<String, AttributeValue> parseItemLine(String line) {
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            object = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        JsonValue item = object.get("Item");
        if (item == null || item.getValueType() != JsonValue.ValueType.OBJECT || object.size() != 1) {
            throw new IllegalArgumentException("a line must be an object with the single member Item");
        }
        return item(item.asJsonObject());
    }

    static Map<String, AttributeValue> item(JsonObject object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.forEach((name, value) -> item.put(name, value(name, value)));
        return item;
    }

    static AttributeValue value(String name, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT || json.asJsonObject().size() != 1) {
            throw new IllegalArgumentException("attribute " + name + " must be an object with one type member");
        }
        Map.Entry<String, JsonValue> typed = json.asJsonObject().entrySet().iterator().next();
        JsonValue v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.s(string(name, v));
            case "N" -> new AttributeValue.N(number(name, string(name, v)));
            case "B" -> AttributeValue.b(base64(name, string(name, v)));
            case "BOOL" -> AttributeValue.bool(bool(name, v));
            case "NULL" -> {
                if (!bool(name, v)) throw new IllegalArgumentException("attribute " + name + ": NULL must be true");
                yield AttributeValue.nul();
            }
            case "L" -> {
                List<AttributeValue> values = new ArrayList<>();
                for (JsonValue element : array(name, v)) values.add(value(name, element));
                yield new AttributeValue.L(values);
            }
            case "M" -> {
                if (v.getValueType() != JsonValue.ValueType.OBJECT) throw new IllegalArgumentException("attribute " + name + ": M must be an object");
                yield new AttributeValue.M(item(v.asJsonObject()));
            }
            case "SS" -> new AttributeValue.SS(strings(name, v));
            case "NS" -> new AttributeValue.NS(strings(name, v).stream().map(text -> number(name, text)).toList());
            case "BS" -> new AttributeValue.BS(strings(name, v).stream().map(text -> base64(name, text)).toList());
            default -> throw new IllegalArgumentException("attribute " + name + " has the unknown type " + typed.getKey());
        };
    }

    private static String string(String name, JsonValue v) {
        if (v instanceof JsonString s) return s.getString();
        throw new IllegalArgumentException("attribute " + name + " must hold a string");
    }

    private static boolean bool(String name, JsonValue v) {
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        throw new IllegalArgumentException("attribute " + name + " must hold true or false");
    }

    private static JsonArray array(String name, JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.ARRAY) throw new IllegalArgumentException("attribute " + name + " must hold a list");
        return v.asJsonArray();
    }

    private static List<String> strings(String name, JsonValue v) {
        List<String> values = new ArrayList<>();
        for (JsonValue element : array(name, v)) values.add(string(name, element));
        if (values.isEmpty()) throw new IllegalArgumentException("attribute " + name + ": a set must not be empty");
        return values;
    }

    static BigDecimal number(String name, String text) {
        try {
            return Numbers.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("attribute " + name + " is not a number: " + text);
        }
    }

    static byte[] base64(String name, String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attribute " + name + " is not Base64");
        }
    }

    /** A JSON object builder from this bundle's provider (manifests, job state). */
    public static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return JSON.createArrayBuilder();
    }

    public static JsonObject parseObject(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
