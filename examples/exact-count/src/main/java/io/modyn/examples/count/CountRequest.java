package io.modyn.examples.count;

import io.modyn.api.model.DynamoException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import org.eclipse.parsson.JsonProviderImpl;

/** The CountItems request ({@code TableName}, optional {@code IndexName}) and its answer, in JSON. */
record CountRequest(String tableName, String indexName) {

    private static final JsonProvider JSON = new JsonProviderImpl();

    /** @throws DynamoException SerializationException for a body that is no JSON object or members of the wrong JSON type */
    static CountRequest parse(byte[] body) {
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) throw DynamoException.serialization("Start of structure or map found where not expected");
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw DynamoException.serialization("Malformed JSON: " + e.getMessage());
        }
        return new CountRequest(string(object, "TableName"), string(object, "IndexName"));
    }

    private static String string(JsonObject object, String member) {
        JsonValue value = object.get(member);
        if (value == null || value == JsonValue.NULL) return null;
        if (value instanceof JsonString text) return text.getString();
        throw DynamoException.serialization("Unexpected value type in payload: " + member + " must be a string");
    }

    static String answer(long count, long scannedCount, int pages) {
        return JSON.createObjectBuilder().add("Count", count).add("ScannedCount", scannedCount).add("Pages", pages).build().toString();
    }
}
