package io.modyn.kms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/** Calls a {@link KmsApi} as the wire protocol does, as a given principal, and reads the JSON answer. */
final class ApiCaller {

    record Answer(int status, JsonObject body) {

        String type() {
            return body.getString("__type", null);
        }

        String message() {
            return body.getString("message", null);
        }
    }

    private final KmsApi api;

    ApiCaller(KmsApi api) {
        this.api = api;
    }

    Answer call(String action, String json) {
        return call(null, action, json);
    }

    Answer call(Principal principal, String action, String json) {
        ProtocolRequest request = new ProtocolRequest("POST", "/", "", Map.of("X-Amz-Target", List.of("TrentService." + action),
                "Content-Type", List.of("application/x-amz-json-1.1"), "User-Agent", List.of("unit-test")),
                json.getBytes(StandardCharsets.UTF_8), principal, "req-7", new InetSocketAddress("127.0.0.1", 1));
        ProtocolResponse response = api.handle(request);
        assertEquals("application/x-amz-json-1.1", response.contentType());
        return new Answer(response.status(), new JsonProviderImpl().createReader(
                new StringReader(new String(response.body(), StandardCharsets.UTF_8))).readObject());
    }

    /** A JSON string literal. */
    static String quote(String text) {
        return new JsonProviderImpl().createValue(text).toString();
    }
}
