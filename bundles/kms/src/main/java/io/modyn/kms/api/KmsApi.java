package io.modyn.kms.api;

import static io.modyn.kms.api.RequestMembers.blob;
import static io.modyn.kms.api.RequestMembers.bool;
import static io.modyn.kms.api.RequestMembers.checkAlgorithm;
import static io.modyn.kms.api.RequestMembers.context;
import static io.modyn.kms.api.RequestMembers.integer;
import static io.modyn.kms.api.RequestMembers.keyId;
import static io.modyn.kms.api.RequestMembers.string;
import static io.modyn.kms.api.RequestMembers.tagList;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.kms.api.RequestMembers.BadRequest;
import io.modyn.kms.keys.AesGcm;
import io.modyn.kms.keys.KeyPolicies;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KeyState;
import io.modyn.kms.keys.KmsErrors;
import io.modyn.kms.keys.KmsKey;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The AWS KMS API (JSON 1.1, {@code X-Amz-Target: TrentService.<Action>}) on the server's
 * endpoint, through the wire protocol's {@link ProtocolHandler} extension point. It reads the
 * request, calls {@link KeyService}, and writes KMS's answer; errors are KMS's JSON errors
 * ({@code {"__type":"NotFoundException","message":"..."}}), also for requests the wire protocol
 * refused before they got here (authentication).
 */
public final class KmsApi implements ProtocolHandler {

    public static final String TARGET_PREFIX = "TrentService";
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int MAX_PLAINTEXT = 4096;
    static final int MAX_CIPHERTEXT = 6144;

    private static final JsonProvider JSON = new JsonProviderImpl();

    private final KeyService keys;
    private final KmsAuthorization authorization;
    private final Map<String, BiFunction<JsonObject, ProtocolRequest, JsonObject>> actions = new LinkedHashMap<>();

    /** The API in open mode: nothing is authorized. */
    public KmsApi(KeyService keys) {
        this(keys, () -> null);
    }

    /** @param authorizer the authorizer bound now, or null when none is (asked on every request) */
    public KmsApi(KeyService keys, Supplier<Authorizer> authorizer) {
        this.keys = keys;
        this.authorization = new KmsAuthorization(keys, authorizer);
        keys.authorizeOnBehalfWith(authorization::onBehalfOf);
        actions.put("CreateKey", this::createKey);
        action("GetKeyPolicy", this::getKeyPolicy);
        actions.put("PutKeyPolicy", this::putKeyPolicy);
        action("ListKeyPolicies", this::listKeyPolicies);
        action("DescribeKey", body -> metadataAnswer(keys.find(string(body, "KeyId", "keyId", true))));
        action("ListKeys", this::listKeys);
        action("EnableKey", body -> empty(keys.enable(keyId(body))));
        action("DisableKey", body -> empty(keys.disable(keyId(body))));
        action("ScheduleKeyDeletion", this::scheduleKeyDeletion);
        action("CancelKeyDeletion", body -> object().add("KeyId", keys.arn(keys.cancelDeletion(keyId(body)).id())).build());
        action("CreateAlias", body -> {
            keys.createAlias(string(body, "AliasName", "aliasName", true), string(body, "TargetKeyId", "targetKeyId", true));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        action("UpdateAlias", body -> {
            keys.updateAlias(string(body, "AliasName", "aliasName", true), string(body, "TargetKeyId", "targetKeyId", true));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        action("DeleteAlias", body -> {
            keys.deleteAlias(string(body, "AliasName", "aliasName", true));
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        action("ListAliases", this::listAliases);
        action("Encrypt", this::encrypt);
        action("Decrypt", this::decrypt);
        action("ReEncrypt", this::reEncrypt);
        action("GenerateDataKey", body -> generateDataKey(body, true));
        action("GenerateDataKeyWithoutPlaintext", body -> generateDataKey(body, false));
        action("GenerateRandom", this::generateRandom);
        action("EnableKeyRotation", body -> empty(keys.enableRotation(keyId(body), integer(body, "RotationPeriodInDays"))));
        action("DisableKeyRotation", body -> empty(keys.disableRotation(keyId(body))));
        action("GetKeyRotationStatus", this::rotationStatus);
        action("RotateKeyOnDemand", body -> object().add("KeyId", keys.rotateOnDemand(keyId(body)).id()).build());
        action("ListKeyRotations", this::listKeyRotations);
        action("TagResource", this::tagResource);
        action("UntagResource", this::untagResource);
        action("ListResourceTags", this::listResourceTags);
    }

    private void action(String name, Function<JsonObject, JsonObject> action) {
        actions.put(name, (body, request) -> action.apply(body));
    }

    /** The service properties to register this handler with. */
    public static Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ProtocolHandler.TARGET_PREFIX, TARGET_PREFIX);
        return properties;
    }

    @Override
    public ProtocolResponse handle(ProtocolRequest request) {
        String target = request.header("X-Amz-Target");
        String action = target == null || !target.startsWith(TARGET_PREFIX + ".") ? "" : target.substring(TARGET_PREFIX.length() + 1);
        BiFunction<JsonObject, ProtocolRequest, JsonObject> handler = actions.get(action);
        if (handler == null) {
            return error(400, "UnknownOperationException", null);
        }
        JsonObject body;
        try {
            body = request.body().length == 0 ? JsonValue.EMPTY_JSON_OBJECT
                    : JSON.createReader(new ByteArrayInputStream(request.body())).readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return error(400, "SerializationException", "Start of structure or map found where not expected.");
        }
        try {
            authorization.check(action, new RequestMembers.View(body), request);
            return answer(200, handler.apply(body, request));
        } catch (KeyManagerException e) {
            return error(status(e.errorType()), e.errorType(), e.getMessage());
        } catch (BadRequest e) {
            return error(400, "SerializationException", e.getMessage());
        }
    }

    @Override
    public ProtocolResponse errorResponse(DynamoException error, String requestId) {
        return error(error.type().httpStatus(), error.type().wireName(), error.getMessage());
    }

    /** An answer in KMS's form, for a request this bundle cannot serve at all (such as a wrong root key). */
    public static ProtocolResponse error(int status, String type, String message) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("__type", type);
        if (message != null) {
            body.add("message", message);
        }
        return answer(status, body.build());
    }

    private static int status(String errorType) {
        return switch (errorType) {
            case "KMSInternalException" -> 500;
            case "DependencyTimeoutException" -> 503;
            default -> 400;
        };
    }

    private static ProtocolResponse answer(int status, JsonObject body) {
        StringWriter out = new StringWriter();
        JSON.createWriter(out).write(body);
        return ProtocolResponse.of(status, CONTENT_TYPE, out.toString());
    }

    // ---- actions

    private JsonObject createKey(JsonObject body, ProtocolRequest request) {
        String keySpec = string(body, "KeySpec", "keySpec", false);
        if (keySpec == null) {
            keySpec = string(body, "CustomerMasterKeySpec", "customerMasterKeySpec", false);
        }
        if (keySpec != null && !keySpec.equals("SYMMETRIC_DEFAULT")) {
            throw KmsErrors.unsupported("KeySpec " + keySpec + " is not supported: this server offers SYMMETRIC_DEFAULT keys only.");
        }
        String usage = string(body, "KeyUsage", "keyUsage", false);
        if (usage != null && !usage.equals("ENCRYPT_DECRYPT")) {
            throw KmsErrors.validation("KeyUsage " + usage + " is not compatible with KeySpec SYMMETRIC_DEFAULT");
        }
        String origin = string(body, "Origin", "origin", false);
        if (origin != null && !origin.equals("AWS_KMS")) {
            throw KmsErrors.unsupported("Origin " + origin + " is not supported: this server creates AWS_KMS keys only.");
        }
        if (body.containsKey("MultiRegion") && body.get("MultiRegion") == JsonValue.TRUE) {
            throw KmsErrors.unsupported("MultiRegion keys are not supported.");
        }
        String description = string(body, "Description", "description", false);
        if (description != null && description.length() > 8192) {
            throw KmsErrors.constraint(description, "description", "Member must have length less than or equal to 8192");
        }
        Map<String, String> tags = tagList(body);
        String policy = string(body, "Policy", "policy", false);
        String id = keys.newKeyId();
        if (policy != null) {
            checkPolicy(request, keys.arn(id), tags, policy, bool(body, "BypassPolicyLockoutSafetyCheck"));
        }
        return metadataAnswer(keys.create(id, description, tags, policy));
    }

    /** Refuses a policy that is no key policy, or (unless bypassed) one under which the caller could not change it again. */
    private void checkPolicy(ProtocolRequest request, String keyArn, Map<String, String> tags, String policy, boolean bypass) {
        List<JsonObject> statements = KeyPolicies.validate(policy);
        if (bypass) {
            return;
        }
        Optional<Boolean> allowed = authorization.allowsPutKeyPolicy(request, keyArn, tags, policy);
        if (allowed.isPresent()) {
            if (!allowed.get()) {
                throw KeyPolicies.lockout();
            }
        } else {
            KeyPolicies.checkLockout(statements, keys.accountId(), authorization.callerArn(request.principal()));
        }
    }

    private JsonObject getKeyPolicy(JsonObject body) {
        KmsKey key = keys.findById(keyId(body));
        String name = policyName(body);
        return object().add("Policy", keys.policy(key)).add("PolicyName", name).build();
    }

    private JsonObject putKeyPolicy(JsonObject body, ProtocolRequest request) {
        KmsKey key = keys.findById(keyId(body));
        policyName(body);
        String policy = string(body, "Policy", "policy", true);
        checkPolicy(request, keys.arn(key.id()), key.tags(), policy, bool(body, "BypassPolicyLockoutSafetyCheck"));
        keys.putPolicy(key.id(), policy);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private JsonObject listKeyPolicies(JsonObject body) {
        keys.findById(keyId(body));
        Page<String> page = Page.of(List.of(KeyPolicies.DEFAULT_NAME), body, 1000, 100, name -> name, false);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        page.items().forEach(list::add);
        return page.answer(object().add("PolicyNames", list)).build();
    }

    /** KMS has one policy per key, named {@code default}; PolicyName may be left out. */
    private static String policyName(JsonObject body) {
        String name = string(body, "PolicyName", "policyName", false);
        if (name == null) {
            return KeyPolicies.DEFAULT_NAME;
        }
        if (name.isEmpty() || name.length() > 128) {
            throw KmsErrors.constraint(name, "policyName", "Member must have length between 1 and 128");
        }
        if (!name.matches("[\\w]+")) {
            throw KmsErrors.constraint(name, "policyName", "Member must satisfy regular expression pattern: [\\w]+");
        }
        if (!name.equals(KeyPolicies.DEFAULT_NAME)) {
            throw new KeyManagerException("NotFoundException", "No such policy exists");
        }
        return name;
    }

    private JsonObject listResourceTags(JsonObject body) {
        KmsKey key = keys.findById(keyId(body));
        List<Map.Entry<String, String>> sorted = new ArrayList<>(new java.util.TreeMap<>(key.tags()).entrySet());
        Page<Map.Entry<String, String>> page = Page.of(sorted, body, 50, 50, Map.Entry::getKey);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        page.items().forEach(e -> list.add(object().add("TagKey", e.getKey()).add("TagValue", e.getValue())));
        return page.answer(object().add("Tags", list)).build();
    }

    private JsonObject metadataAnswer(KmsKey key) {
        return object().add("KeyMetadata", metadata(key)).build();
    }

    private JsonObjectBuilder metadata(KmsKey key) {
        JsonObjectBuilder m = object()
                .add("AWSAccountId", keys.accountId())
                .add("KeyId", key.id())
                .add("Arn", keys.arn(key.id()))
                .add("CreationDate", seconds(key.creationEpochMillis()))
                .add("Enabled", key.state() == KeyState.Enabled)
                .add("Description", key.description())
                .add("KeyUsage", "ENCRYPT_DECRYPT")
                .add("KeyState", key.state().name())
                .add("Origin", "AWS_KMS")
                .add("KeyManager", key.awsManaged() ? "AWS" : "CUSTOMER")
                .add("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT")
                .add("KeySpec", "SYMMETRIC_DEFAULT")
                .add("EncryptionAlgorithms", JSON.createArrayBuilder().add("SYMMETRIC_DEFAULT"))
                .add("MultiRegion", false);
        if (key.state() == KeyState.PendingDeletion) {
            m.add("DeletionDate", seconds(key.deletionEpochMillis()));
            m.add("PendingDeletionWindowInDays", key.pendingWindowInDays());
        }
        return m;
    }

    private JsonObject listKeys(JsonObject body) {
        Page<KmsKey> page = Page.of(keys.list(), body, 1000, 100, KmsKey::id);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        page.items().forEach(key -> list.add(object().add("KeyId", key.id()).add("KeyArn", keys.arn(key.id()))));
        return page.answer(object().add("Keys", list)).build();
    }

    private JsonObject scheduleKeyDeletion(JsonObject body) {
        KmsKey key = keys.scheduleDeletion(keyId(body), integer(body, "PendingWindowInDays"));
        return object().add("KeyId", keys.arn(key.id())).add("DeletionDate", seconds(key.deletionEpochMillis()))
                .add("KeyState", key.state().name()).add("PendingWindowInDays", key.pendingWindowInDays()).build();
    }

    private JsonObject listAliases(JsonObject body) {
        Page<Map.Entry<String, String>> page = Page.of(new ArrayList<>(keys.aliases(string(body, "KeyId", "keyId", false)).entrySet()),
                body, 100, 50, Map.Entry::getKey);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        page.items().forEach(alias -> list.add(object()
                .add("AliasName", alias.getKey()).add("AliasArn", keys.aliasArn(alias.getKey())).add("TargetKeyId", alias.getValue())));
        return page.answer(object().add("Aliases", list)).build();
    }

    private JsonObject encrypt(JsonObject body) {
        String keyId = keyId(body);
        byte[] plaintext = blob(body, "Plaintext", "plaintext", MAX_PLAINTEXT);
        KeyService.Sealed sealed = keys.encrypt(keyId, plaintext, context(body, "EncryptionContext"));
        return object().add("CiphertextBlob", base64(sealed.ciphertextBlob())).add("KeyId", sealed.keyArn())
                .add("EncryptionAlgorithm", "SYMMETRIC_DEFAULT").build();
    }

    private JsonObject decrypt(JsonObject body) {
        byte[] blob = blob(body, "CiphertextBlob", "ciphertextBlob", MAX_CIPHERTEXT);
        checkAlgorithm(body, "EncryptionAlgorithm", "encryptionAlgorithm");
        KeyService.Opened opened = keys.decrypt(blob, context(body, "EncryptionContext"), string(body, "KeyId", "keyId", false));
        return object().add("KeyId", opened.keyArn()).add("Plaintext", base64(opened.plaintext()))
                .add("EncryptionAlgorithm", "SYMMETRIC_DEFAULT").build();
    }

    private JsonObject reEncrypt(JsonObject body) {
        byte[] blob = blob(body, "CiphertextBlob", "ciphertextBlob", MAX_CIPHERTEXT);
        String destination = string(body, "DestinationKeyId", "destinationKeyId", true);
        checkAlgorithm(body, "SourceEncryptionAlgorithm", "sourceEncryptionAlgorithm");
        checkAlgorithm(body, "DestinationEncryptionAlgorithm", "destinationEncryptionAlgorithm");
        KeyService.Opened opened = keys.decrypt(blob, context(body, "SourceEncryptionContext"), string(body, "SourceKeyId", "sourceKeyId", false));
        KeyService.Sealed sealed = keys.encrypt(destination, opened.plaintext(), context(body, "DestinationEncryptionContext"));
        return object().add("CiphertextBlob", base64(sealed.ciphertextBlob())).add("SourceKeyId", opened.keyArn())
                .add("KeyId", sealed.keyArn()).add("SourceEncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .add("DestinationEncryptionAlgorithm", "SYMMETRIC_DEFAULT").build();
    }

    private JsonObject generateDataKey(JsonObject body, boolean withPlaintext) {
        String keyId = keyId(body);
        String keySpec = string(body, "KeySpec", "keySpec", false);
        Integer numberOfBytes = integer(body, "NumberOfBytes");
        if (keySpec != null && numberOfBytes != null) {
            throw KmsErrors.validation("Please specify either number of bytes or key spec.");
        }
        int length;
        if (keySpec != null) {
            length = switch (keySpec) {
                case "AES_256" -> 32;
                case "AES_128" -> 16;
                default -> throw KmsErrors.constraint(keySpec, "keySpec", "Member must satisfy enum value set: [AES_256, AES_128]");
            };
        } else if (numberOfBytes != null) {
            length = checkNumberOfBytes(numberOfBytes);
        } else {
            throw KmsErrors.validation("Please specify either number of bytes or key spec.");
        }
        byte[] plaintext = AesGcm.randomBytes(length);
        KeyService.Sealed sealed = keys.encrypt(keyId, plaintext, context(body, "EncryptionContext"));
        JsonObjectBuilder answer = object().add("CiphertextBlob", base64(sealed.ciphertextBlob())).add("KeyId", sealed.keyArn());
        if (withPlaintext) {
            answer.add("Plaintext", base64(plaintext));
        }
        return answer.build();
    }

    private JsonObject generateRandom(JsonObject body) {
        Integer numberOfBytes = integer(body, "NumberOfBytes");
        if (numberOfBytes == null) {
            throw KmsErrors.missing("numberOfBytes");
        }
        return object().add("Plaintext", base64(AesGcm.randomBytes(checkNumberOfBytes(numberOfBytes)))).build();
    }

    private static int checkNumberOfBytes(int numberOfBytes) {
        if (numberOfBytes < 1) {
            throw KmsErrors.constraint(numberOfBytes, "numberOfBytes", "Member must have value greater than or equal to 1");
        }
        if (numberOfBytes > 1024) {
            throw KmsErrors.constraint(numberOfBytes, "numberOfBytes", "Member must have value less than or equal to 1024");
        }
        return numberOfBytes;
    }

    private JsonObject rotationStatus(JsonObject body) {
        KmsKey key = keys.findById(keyId(body));
        JsonObjectBuilder answer = object().add("KeyId", keys.arn(key.id())).add("KeyRotationEnabled", key.rotationEnabled());
        if (key.rotationEnabled()) {
            answer.add("RotationPeriodInDays", key.rotationPeriodInDays()).add("NextRotationDate", seconds(key.nextRotationEpochMillis()));
        }
        key.rotations().stream().filter(r -> r.type().equals("ON_DEMAND")).reduce((a, b) -> b)
                .ifPresent(r -> answer.add("OnDemandRotationStartDate", seconds(r.epochMillis())));
        return answer.build();
    }

    private JsonObject listKeyRotations(JsonObject body) {
        KmsKey key = keys.findById(keyId(body));
        // Markers compare as text: the version, zero-padded.
        Page<io.modyn.kms.keys.Rotation> page = Page.of(key.rotations(), body, 1000, 100, r -> String.format("%010d", r.version()));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        page.items().forEach(r -> list.add(object().add("KeyId", key.id()).add("RotationDate", seconds(r.epochMillis()))
                .add("RotationType", r.type())));
        return page.answer(object().add("Rotations", list)).build();
    }

    private JsonObject tagResource(JsonObject body) {
        String keyId = keyId(body);
        keys.tag(keyId, tagList(body));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private JsonObject untagResource(JsonObject body) {
        String keyId = keyId(body);
        List<String> tagKeys = new ArrayList<>();
        if (body.get("TagKeys") instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> {
                if (!(v instanceof JsonString s)) {
                    throw new BadRequest("TagKeys must be strings");
                }
                tagKeys.add(s.getString());
            });
        } else {
            throw KmsErrors.missing("tagKeys");
        }
        keys.untag(keyId, tagKeys);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    // ---- answer members

    private static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }

    private static JsonObject empty(KmsKey ignored) {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonArrayBuilder tags(Map<String, String> tags) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        tags.forEach((k, v) -> list.add(object().add("TagKey", k).add("TagValue", v)));
        return list;
    }

    /** AWS JSON protocols send timestamps as epoch seconds. */
    private static BigDecimal seconds(long epochMillis) {
        return BigDecimal.valueOf(epochMillis, 3);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

}
