package io.modyn.auth.iam.policy;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Reads a policy document's JSON and checks it as IAM does, in IAM's order: first its shape (any
 * unknown element, wrong type, bad {@code Effect} or {@code Version}, or an element given with its
 * {@code Not} twin is "Syntax errors in policy."), then the version a managed policy needs, then
 * unique Sids, then each statement's content
 * (principal allowed or required by the policy's kind, actions, resources, vendor prefixes, ARN
 * format). The Parsson provider is created directly and shared (see OSGI-NOTES "Jakarta JSON-P").
 */
final class PolicyParser {

    static final String VERSION_2012 = "2012-10-17";
    static final String VERSION_2008 = "2008-10-17";

    private static final JsonProvider JSON = new JsonProviderImpl();
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Principal", "NotPrincipal", "Condition");

    private PolicyParser() {
    }

    /** A statement whose shape is valid, before its content is checked. */
    private static final class RawStatement {
        String sid;
        Effect effect;
        List<String> actions;
        boolean notAction;
        List<String> resources;
        boolean notResource;
        Map<String, List<String>> principals;
        boolean principalAnyone;
        boolean notPrincipal;
        final Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
    }

    static PolicyDocument parse(String json, PolicyKind kind) {
        JsonObject document = readObject(json);
        for (String element : document.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(element)) {
                throw MalformedPolicyException.syntax();
            }
        }
        String version = document.containsKey("Version") ? string(document.get("Version")) : null;
        if (version != null && !version.equals(VERSION_2012) && !version.equals(VERSION_2008)) {
            throw MalformedPolicyException.syntax();
        }
        if (document.containsKey("Id")) {
            string(document.get("Id"));
        }
        List<JsonObject> statementObjects = statements(document.get("Statement"));
        List<RawStatement> raw = new ArrayList<>(statementObjects.size());
        for (JsonObject s : statementObjects) {
            raw.add(shape(s));
        }
        if (kind == PolicyKind.MANAGED && !VERSION_2012.equals(version)) {
            throw new MalformedPolicyException(MalformedPolicyException.VERSION_TOO_OLD);
        }
        Set<String> sids = new HashSet<>();
        for (RawStatement s : raw) {
            if (s.sid != null && !s.sid.isEmpty() && !sids.add(s.sid)) {
                throw new MalformedPolicyException(MalformedPolicyException.SID_NOT_UNIQUE);
            }
        }
        boolean variables = VERSION_2012.equals(version);
        List<Statement> compiled = new ArrayList<>(raw.size());
        for (RawStatement s : raw) {
            compiled.add(content(s, kind, variables));
        }
        return new PolicyDocument(json, kind, version, compiled);
    }

    private static JsonObject readObject(String json) {
        if (json == null) {
            throw MalformedPolicyException.syntax();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.read();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw MalformedPolicyException.syntax();
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw MalformedPolicyException.syntax();
        }
    }

    private static List<JsonObject> statements(JsonValue value) {
        List<JsonObject> result = new ArrayList<>();
        if (value == null) {
            throw MalformedPolicyException.syntax();
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            result.add(value.asJsonObject());
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY && !((JsonArray) value).isEmpty()) {
            for (JsonValue v : (JsonArray) value) {
                if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw MalformedPolicyException.syntax();
                }
                result.add(v.asJsonObject());
            }
        } else {
            throw MalformedPolicyException.syntax();
        }
        return result;
    }

    private static RawStatement shape(JsonObject s) {
        for (String element : s.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(element)) {
                throw MalformedPolicyException.syntax();
            }
        }
        both(s, "Action", "NotAction");
        both(s, "Resource", "NotResource");
        both(s, "Principal", "NotPrincipal");
        RawStatement r = new RawStatement();
        if (s.containsKey("Sid")) {
            r.sid = string(s.get("Sid"));
        }
        if (!s.containsKey("Effect")) {
            throw MalformedPolicyException.syntax();
        }
        r.effect = Effect.parse(string(s.get("Effect")));
        r.notAction = s.containsKey("NotAction");
        JsonValue actions = s.get(r.notAction ? "NotAction" : "Action");
        r.actions = actions == null ? List.of() : strings(actions);
        r.notResource = s.containsKey("NotResource");
        JsonValue resources = s.get(r.notResource ? "NotResource" : "Resource");
        r.resources = resources == null ? null : strings(resources);
        r.notPrincipal = s.containsKey("NotPrincipal");
        JsonValue principal = s.get(r.notPrincipal ? "NotPrincipal" : "Principal");
        if (principal != null) {
            principal(principal, r);
        }
        JsonValue condition = s.get("Condition");
        if (condition != null) {
            condition(condition, r);
        }
        return r;
    }

    private static void both(JsonObject s, String element, String negated) {
        if (s.containsKey(element) && s.containsKey(negated)) {
            throw MalformedPolicyException.syntax();
        }
    }

    private static void principal(JsonValue value, RawStatement r) {
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            if (!string(value).equals("*")) {
                throw MalformedPolicyException.syntax();
            }
            r.principalAnyone = true;
            r.principals = Map.of();
            return;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT || value.asJsonObject().isEmpty()) {
            throw MalformedPolicyException.syntax();
        }
        r.principals = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
            if (!PRINCIPAL_TYPES.contains(e.getKey())) {
                throw MalformedPolicyException.syntax();
            }
            r.principals.put(e.getKey(), strings(e.getValue()));
        }
    }

    private static void condition(JsonValue value, RawStatement r) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw MalformedPolicyException.syntax();
        }
        for (Map.Entry<String, JsonValue> op : value.asJsonObject().entrySet()) {
            if (op.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                throw MalformedPolicyException.syntax();
            }
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> key : op.getValue().asJsonObject().entrySet()) {
                keys.put(key.getKey(), conditionValues(key.getValue()));
            }
            // Fails on an operator IAM does not know, still in the syntax pass.
            Condition.compile(op.getKey(), "x:x", List.of(), false);
            r.conditions.put(op.getKey(), keys);
        }
    }

    /** Condition values: strings, numbers or booleans, alone or in a non-empty array. */
    private static List<String> conditionValues(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of(scalar(value));
        }
        JsonArray array = (JsonArray) value;
        if (array.isEmpty()) {
            throw MalformedPolicyException.syntax();
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            values.add(scalar(v));
        }
        return values;
    }

    private static String scalar(JsonValue v) {
        switch (v.getValueType()) {
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return v.toString();
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            default:
                throw MalformedPolicyException.syntax();
        }
    }

    private static String string(JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw MalformedPolicyException.syntax();
        }
        return ((JsonString) v).getString();
    }

    /** A string, or an array of strings (possibly empty). */
    private static List<String> strings(JsonValue v) {
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            return List.of(string(v));
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw MalformedPolicyException.syntax();
        }
        List<String> values = new ArrayList<>();
        for (JsonValue item : (JsonArray) v) {
            values.add(string(item));
        }
        return values;
    }

    private static Statement content(RawStatement s, PolicyKind kind, boolean variables) {
        boolean hasPrincipal = s.principals != null;
        if (kind.isIdentityBased() && hasPrincipal) {
            throw new MalformedPolicyException(MalformedPolicyException.PRINCIPAL_NOT_ALLOWED);
        }
        if (!kind.isIdentityBased() && !hasPrincipal) {
            throw new MalformedPolicyException(MalformedPolicyException.PRINCIPAL_MISSING);
        }
        if (kind == PolicyKind.TRUST && s.resources != null) {
            throw new MalformedPolicyException(MalformedPolicyException.RESOURCE_NOT_ALLOWED);
        }
        if (s.actions.isEmpty()) {
            throw new MalformedPolicyException(MalformedPolicyException.NO_ACTIONS);
        }
        if (kind != PolicyKind.TRUST && (s.resources == null || s.resources.isEmpty())) {
            throw new MalformedPolicyException(MalformedPolicyException.NO_RESOURCES);
        }
        for (String action : s.actions) {
            ElementChecks.action(action);
        }
        if (s.resources != null) {
            for (String resource : s.resources) {
                ElementChecks.resource(resource);
            }
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> op : s.conditions.entrySet()) {
            for (Map.Entry<String, List<String>> key : op.getValue().entrySet()) {
                ElementChecks.conditionKey(key.getKey());
                conditions.add(Condition.compile(op.getKey(), key.getKey(), key.getValue(), variables));
            }
        }
        Principals principals = !hasPrincipal ? null
                : s.principalAnyone ? Principals.anyone() : Principals.of(s.principals);
        return new Statement(s.sid, s.effect, s.actions, s.notAction, s.resources, s.notResource, principals,
                s.notPrincipal, conditions, variables);
    }
}
