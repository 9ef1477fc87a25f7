package io.modyn.kms.api;

import io.modyn.api.crypto.KeyManagerException;
import io.modyn.kms.keys.KmsErrors;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the members of a KMS request with KMS's refusals: a missing required member is a
 * ValidationException naming its wire name, a member of the wrong JSON type a
 * SerializationException ({@link BadRequest}), a value outside its constraint KMS's
 * "1 validation error detected" message. Used by the actions and by authorization alike, so both
 * read a request the same way.
 */
final class RequestMembers {

    private RequestMembers() {
    }

    static String keyId(JsonObject body) {
        return string(body, "KeyId", "keyId", true);
    }

    static String string(JsonObject body, String member, String wireName, boolean required) {
        JsonValue value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw KmsErrors.missing(wireName);
            }
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new BadRequest("Expected a string for " + member);
        }
        return s.getString();
    }

    static boolean bool(JsonObject body, String member) {
        JsonValue value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new BadRequest("Expected a boolean for " + member);
        }
        return value == JsonValue.TRUE;
    }

    static Integer integer(JsonObject body, String member) {
        JsonValue value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw new BadRequest("Expected an integer for " + member);
        }
        return n.intValue();
    }

    static byte[] blob(JsonObject body, String member, String wireName, int maxLength) {
        String text = string(body, member, wireName, true);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Invalid base64 in " + member);
        }
        if (bytes.length < 1) {
            throw KmsErrors.constraint("java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]", wireName, "Member must have length greater than or equal to 1");
        }
        if (bytes.length > maxLength) {
            throw KmsErrors.constraint("java.nio.HeapByteBuffer[pos=0 lim=" + bytes.length + " cap=" + bytes.length + "]", wireName,
                    "Member must have length less than or equal to " + maxLength);
        }
        return bytes;
    }

    static void checkAlgorithm(JsonObject body, String member, String wireName) {
        String algorithm = string(body, member, wireName, false);
        if (algorithm != null && !algorithm.equals("SYMMETRIC_DEFAULT")) {
            throw KmsErrors.constraint(algorithm, wireName, "Member must satisfy enum value set: [SYMMETRIC_DEFAULT]");
        }
    }

    static Map<String, String> context(JsonObject body, String member) {
        JsonValue value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw new BadRequest("Expected a map for " + member);
        }
        Map<String, String> context = new LinkedHashMap<>();
        object.forEach((k, v) -> {
            if (!(v instanceof JsonString s)) {
                throw new BadRequest("Expected string values in " + member);
            }
            context.put(k, s.getString());
        });
        return context;
    }

    static Map<String, String> tagList(JsonObject body) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonValue value = body.get("Tags");
        if (value == null || value == JsonValue.NULL) {
            return tags;
        }
        if (!(value instanceof jakarta.json.JsonArray array)) {
            throw new BadRequest("Expected a list for Tags");
        }
        for (JsonValue tag : array) {
            if (!(tag instanceof JsonObject t)) {
                throw new BadRequest("Expected a structure in Tags");
            }
            String key = string(t, "TagKey", "tagKey", true);
            String tagValue = string(t, "TagValue", "tagValue", true);
            if (key.isEmpty() || key.length() > 128) {
                throw KmsErrors.constraint(key, "tags.member.tagKey", "Member must have length between 1 and 128");
            }
            if (tagValue.length() > 256) {
                throw KmsErrors.constraint(tagValue, "tags.member.tagValue", "Member must have length less than or equal to 256");
            }
            if (key.startsWith("aws:")) {
                throw new KeyManagerException("TagException", "Tags beginning with aws: are reserved");
            }
            tags.put(key, tagValue);
        }
        return tags;
    }

    /** The request's members as authorization reads them, parsed (and refused) as the actions parse them. */
    static final class View implements KmsAuthorization.Request {
        private final JsonObject body;

        View(JsonObject body) {
            this.body = body;
        }

        @Override
        public String keyId() {
            return RequestMembers.keyId(body);
        }

        @Override
        public String optionalKeyId() {
            return RequestMembers.string(body, "KeyId", "keyId", false);
        }

        @Override
        public String string(String member) {
            return RequestMembers.string(body, member, Character.toLowerCase(member.charAt(0)) + member.substring(1), false);
        }

        @Override
        public String required(String member) {
            return RequestMembers.string(body, member, Character.toLowerCase(member.charAt(0)) + member.substring(1), true);
        }

        @Override
        public byte[] blob() {
            return RequestMembers.blob(body, "CiphertextBlob", "ciphertextBlob", KmsApi.MAX_CIPHERTEXT);
        }

        @Override
        public Map<String, String> context(String member) {
            return RequestMembers.context(body, member);
        }

        @Override
        public Map<String, String> tags() {
            return tagList(body);
        }

        @Override
        public List<String> stringList(String member) {
            List<String> values = new ArrayList<>();
            if (body.get(member) instanceof jakarta.json.JsonArray array) {
                array.forEach(v -> {
                    if (v instanceof JsonString s) {
                        values.add(s.getString());
                    }
                });
            }
            return values;
        }

        @Override
        public boolean bypassLockout() {
            return bool(body, "BypassPolicyLockoutSafetyCheck");
        }
    }

    /** A body that does not match the API's shapes: SerializationException. */
    static final class BadRequest extends RuntimeException {
        static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
