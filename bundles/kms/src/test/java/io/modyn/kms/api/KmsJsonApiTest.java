package io.modyn.kms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KeyStore;
import io.modyn.kms.keys.TestRootKey;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;
import org.junit.jupiter.api.Test;

/** The JSON 1.1 layer: actions, members and KMS's error envelope, without a server. */
class KmsJsonApiTest {

    private final KmsApi api;

    KmsJsonApiTest() {
        KeyStore store = new KeyStore(new InMemoryStorageEngine(), new TestRootKey());
        store.open();
        api = new KmsApi(new KeyService(store, "us-east-1", "000000000000", Clock.systemUTC()));
    }

    @Test
    void reEncryptMovesACiphertextToAnotherKeyAndContext() {
        String source = call("CreateKey", "{}").body().getJsonObject("KeyMetadata").getString("KeyId");
        String destination = call("CreateKey", "{}").body().getJsonObject("KeyMetadata").getString("KeyId");
        String plaintext = Base64.getEncoder().encodeToString("move me".getBytes(StandardCharsets.UTF_8));
        String blob = call("Encrypt", "{\"KeyId\":\"" + source + "\",\"Plaintext\":\"" + plaintext + "\",\"EncryptionContext\":{\"a\":\"1\"}}")
                .body().getString("CiphertextBlob");

        Answer moved = call("ReEncrypt", "{\"CiphertextBlob\":\"" + blob + "\",\"SourceEncryptionContext\":{\"a\":\"1\"},"
                + "\"DestinationKeyId\":\"" + destination + "\",\"DestinationEncryptionContext\":{\"b\":\"2\"}}");
        assertEquals(200, moved.status(), moved.body().toString());
        assertTrue(moved.body().getString("SourceKeyId").endsWith(source));
        assertTrue(moved.body().getString("KeyId").endsWith(destination));

        Answer opened = call("Decrypt", "{\"CiphertextBlob\":\"" + moved.body().getString("CiphertextBlob") + "\",\"EncryptionContext\":{\"b\":\"2\"}}");
        assertEquals(plaintext, opened.body().getString("Plaintext"));
        assertEquals("SYMMETRIC_DEFAULT", opened.body().getString("EncryptionAlgorithm"));
    }

    @Test
    void errorsUseKmsEnvelopeAndStatus() {
        Answer missing = call("Encrypt", "{\"Plaintext\":\"AA==\"}");
        assertEquals(400, missing.status());
        assertEquals("ValidationException", missing.body().getString("__type"));
        assertEquals("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
                missing.body().getString("message"));

        Answer unknown = call("NoSuchAction", "{}");
        assertEquals("UnknownOperationException", unknown.body().getString("__type"));

        Answer notJson = call("ListKeys", "[1,2");
        assertEquals("SerializationException", notJson.body().getString("__type"));

        Answer invalid = call("Decrypt", "{\"CiphertextBlob\":\"" + Base64.getEncoder().encodeToString(new byte[60]) + "\"}");
        assertEquals("InvalidCiphertextException", invalid.body().getString("__type"));
        assertFalse(invalid.body().containsKey("message"));
    }

    @Test
    void dataKeySpecAndNumberOfBytesAreExclusiveAndBounded() {
        String keyId = call("CreateKey", "{}").body().getJsonObject("KeyMetadata").getString("KeyId");

        assertEquals("ValidationException", call("GenerateDataKey", "{\"KeyId\":\"" + keyId + "\"}").body().getString("__type"));
        assertEquals("ValidationException",
                call("GenerateDataKey", "{\"KeyId\":\"" + keyId + "\",\"KeySpec\":\"AES_256\",\"NumberOfBytes\":32}").body().getString("__type"));
        assertEquals("ValidationException", call("GenerateDataKey", "{\"KeyId\":\"" + keyId + "\",\"NumberOfBytes\":1025}").body().getString("__type"));
        Answer withoutPlaintext = call("GenerateDataKeyWithoutPlaintext", "{\"KeyId\":\"" + keyId + "\",\"KeySpec\":\"AES_128\"}");
        assertEquals(200, withoutPlaintext.status());
        assertFalse(withoutPlaintext.body().containsKey("Plaintext"));
    }

    @Test
    void refusalsBeforeTheHandlerAreAnsweredInKmsForm() {
        ProtocolResponse response = api.errorResponse(new DynamoException(ErrorType.MISSING_AUTHENTICATION_TOKEN,
                "Request is missing Authentication Token"), "req-1");

        assertEquals(400, response.status());
        assertEquals("application/x-amz-json-1.1", response.contentType());
        JsonObject body = parse(response.body());
        assertEquals("MissingAuthenticationTokenException", body.getString("__type"));
        assertEquals("Request is missing Authentication Token", body.getString("message"));
    }

    private record Answer(int status, JsonObject body) {
    }

    private Answer call(String action, String json) {
        ProtocolRequest request = new ProtocolRequest("POST", "/", "", Map.of("X-Amz-Target", List.of("TrentService." + action),
                "Content-Type", List.of("application/x-amz-json-1.1")), json.getBytes(StandardCharsets.UTF_8), null, "req",
                new InetSocketAddress("127.0.0.1", 1));
        ProtocolResponse response = api.handle(request);
        assertEquals("application/x-amz-json-1.1", response.contentType());
        return new Answer(response.status(), parse(response.body()));
    }

    private static JsonObject parse(byte[] body) {
        return new JsonProviderImpl().createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
    }
}
