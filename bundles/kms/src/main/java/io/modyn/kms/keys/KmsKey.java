package io.modyn.kms.keys;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The metadata of one customer master key as stored (JSON, no key material: that is stored per
 * version, wrapped by the root key). Immutable; changes make a copy.
 *
 * @param currentVersion the version new encryptions use (the newest; versions start at 1)
 * @param deletionEpochMillis when a key pending deletion is deleted; 0 otherwise
 * @param nextRotationEpochMillis the next automatic rotation while rotation is enabled; 0 otherwise
 * @param policy the key policy document as its author sent it (null: the default key policy, for
 *        keys stored before key policies existed)
 * @param awsManaged whether AWS manages the key ({@code KeyManager: AWS}, such as {@code alias/aws/dynamodb}'s)
 */
public record KmsKey(String id, long creationEpochMillis, String description, KeyState state, long deletionEpochMillis,
                     int pendingWindowInDays, boolean rotationEnabled, int rotationPeriodInDays, long nextRotationEpochMillis,
                     int currentVersion, Map<String, String> tags, List<Rotation> rotations, String policy, boolean awsManaged) {

    static final JsonProvider JSON = new JsonProviderImpl();

    public KmsKey {
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        rotations = List.copyOf(rotations);
    }

    public static KmsKey created(String id, long now, String description, Map<String, String> tags, String policy) {
        return new KmsKey(id, now, description, KeyState.Enabled, 0, 0, false, 0, 0, 1, tags, List.of(), policy, false);
    }

    /** An AWS managed key: rotated automatically every year, as AWS rotates its managed keys. */
    public static KmsKey awsManaged(String id, long now, String description, String policy, int rotationDays, long nextRotation) {
        return new KmsKey(id, now, description, KeyState.Enabled, 0, 0, true, rotationDays, nextRotation, 1, Map.of(), List.of(), policy,
                true);
    }

    public KmsKey withPolicy(String newPolicy) {
        return new KmsKey(id, creationEpochMillis, description, state, deletionEpochMillis, pendingWindowInDays, rotationEnabled,
                rotationPeriodInDays, nextRotationEpochMillis, currentVersion, tags, rotations, newPolicy, awsManaged);
    }

    public KmsKey withState(KeyState newState, long deletion, int window) {
        return new KmsKey(id, creationEpochMillis, description, newState, deletion, window, rotationEnabled, rotationPeriodInDays,
                nextRotationEpochMillis, currentVersion, tags, rotations, policy, awsManaged);
    }

    public KmsKey withRotation(boolean enabled, int periodInDays, long nextRotation) {
        return new KmsKey(id, creationEpochMillis, description, state, deletionEpochMillis, pendingWindowInDays, enabled, periodInDays,
                nextRotation, currentVersion, tags, rotations, policy, awsManaged);
    }

    public KmsKey rotated(Rotation rotation, long nextRotation) {
        List<Rotation> all = new ArrayList<>(rotations);
        all.add(rotation);
        return new KmsKey(id, creationEpochMillis, description, state, deletionEpochMillis, pendingWindowInDays, rotationEnabled,
                rotationPeriodInDays, nextRotation, rotation.version(), tags, all, policy, awsManaged);
    }

    public KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(id, creationEpochMillis, description, state, deletionEpochMillis, pendingWindowInDays, rotationEnabled,
                rotationPeriodInDays, nextRotationEpochMillis, currentVersion, newTags, rotations, policy, awsManaged);
    }

    byte[] toJson() {
        JsonObjectBuilder tagObject = JSON.createObjectBuilder();
        tags.forEach(tagObject::add);
        JsonArrayBuilder rotationArray = JSON.createArrayBuilder();
        rotations.forEach(r -> rotationArray.add(JSON.createObjectBuilder()
                .add("version", r.version()).add("at", r.epochMillis()).add("type", r.type())));
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("format", 1)
                .add("id", id)
                .add("created", creationEpochMillis)
                .add("description", description)
                .add("state", state.name())
                .add("deletion", deletionEpochMillis)
                .add("pendingWindow", pendingWindowInDays)
                .add("rotationEnabled", rotationEnabled)
                .add("rotationPeriod", rotationPeriodInDays)
                .add("nextRotation", nextRotationEpochMillis)
                .add("currentVersion", currentVersion)
                .add("tags", tagObject)
                .add("rotations", rotationArray)
                .add("awsManaged", awsManaged);
        if (policy != null) {
            object.add("policy", policy);
        }
        StringWriter out = new StringWriter();
        JSON.createWriter(out).write(object.build());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static KmsKey fromJson(byte[] bytes) {
        JsonObject o = JSON.createReader(new ByteArrayInputStream(bytes)).readObject();
        Map<String, String> tags = new LinkedHashMap<>();
        o.getJsonObject("tags").forEach((k, v) -> tags.put(k, ((jakarta.json.JsonString) v).getString()));
        List<Rotation> rotations = new ArrayList<>();
        for (JsonValue value : o.getJsonArray("rotations")) {
            JsonObject r = value.asJsonObject();
            rotations.add(new Rotation(r.getInt("version"), r.getJsonNumber("at").longValue(), r.getString("type")));
        }
        return new KmsKey(o.getString("id"), o.getJsonNumber("created").longValue(), o.getString("description"),
                KeyState.valueOf(o.getString("state")), o.getJsonNumber("deletion").longValue(), o.getInt("pendingWindow"),
                o.getBoolean("rotationEnabled"), o.getInt("rotationPeriod"), o.getJsonNumber("nextRotation").longValue(),
                o.getInt("currentVersion"), tags, rotations, o.containsKey("policy") ? o.getString("policy") : null,
                o.getBoolean("awsManaged", false));
    }
}
