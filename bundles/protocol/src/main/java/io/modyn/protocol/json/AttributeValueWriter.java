package io.modyn.protocol.json;

import io.modyn.api.model.AttributeValue;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes attribute values in DynamoDB's wire form: numbers as strings in their normalised text
 * ({@link AttributeValue.N#text()}), binary as base64, {@code NULL} always {@code true}.
 */
final class AttributeValueWriter {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private AttributeValueWriter() {
    }

    /** Writes {@code "name": {attribute map}}; nothing if the map is null. */
    static void writeMap(JsonGenerator out, String name, Map<String, AttributeValue> attributes) {
        if (attributes == null) {
            return;
        }
        out.writeStartObject(name);
        writeEntries(out, attributes);
        out.writeEnd();
    }

    /** Writes {@code "name": [attribute map, ...]}; nothing if the list is null. */
    static void writeMaps(JsonGenerator out, String name, List<Map<String, AttributeValue>> items) {
        if (items == null) {
            return;
        }
        out.writeStartArray(name);
        for (Map<String, AttributeValue> item : items) {
            out.writeStartObject();
            writeEntries(out, item);
            out.writeEnd();
        }
        out.writeEnd();
    }

    private static void writeEntries(JsonGenerator out, Map<String, AttributeValue> attributes) {
        for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
            out.writeStartObject(entry.getKey());
            writeType(out, entry.getValue());
            out.writeEnd();
        }
    }

    private static void writeValue(JsonGenerator out, AttributeValue value) {
        out.writeStartObject();
        writeType(out, value);
        out.writeEnd();
    }

    /** Writes the one type member of a value into the object already open. */
    private static void writeType(JsonGenerator out, AttributeValue value) {
        // A type switch over the sealed interface needs Java 21; Java 17 gets an instanceof chain.
        if (value instanceof AttributeValue.S s) {
            out.write("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.write("N", n.text());
        } else if (value instanceof AttributeValue.B b) {
            out.write("B", BASE64.encodeToString(b.value()));
        } else if (value instanceof AttributeValue.Bool bool) {
            out.write("BOOL", bool.value());
        } else if (value instanceof AttributeValue.Null) {
            out.write("NULL", true);
        } else if (value instanceof AttributeValue.L l) {
            out.writeStartArray("L");
            l.values().forEach(element -> writeValue(out, element));
            out.writeEnd();
        } else if (value instanceof AttributeValue.M m) {
            out.writeStartObject("M");
            writeEntries(out, m.values());
            out.writeEnd();
        } else if (value instanceof AttributeValue.SS ss) {
            out.writeStartArray("SS");
            ss.values().forEach(out::write);
            out.writeEnd();
        } else if (value instanceof AttributeValue.NS ns) {
            out.writeStartArray("NS");
            for (BigDecimal number : ns.values()) {
                out.write(number.toPlainString());
            }
            out.writeEnd();
        } else if (value instanceof AttributeValue.BS bs) {
            out.writeStartArray("BS");
            for (byte[] bytes : bs.values()) {
                out.write(BASE64.encodeToString(bytes));
            }
            out.writeEnd();
        } else {
            throw new IllegalArgumentException("unknown attribute value type: " + value.typeName());
        }
    }
}
