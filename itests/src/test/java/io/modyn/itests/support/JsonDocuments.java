package io.modyn.itests.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Parses the JSON the tests read: raw responses, the admin endpoint's answers, the AWS CLI's output. */
public final class JsonDocuments {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonDocuments() {
    }

    public static JsonValue parse(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObject parseObject(String text) {
        return parse(text).asJsonObject();
    }
}
