package io.modyn.engine.policy;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy document in DynamoDB's canonical form, the form GetResourcePolicy answers and
 * PutResourcePolicy compares: minified; {@code Version} (2008-10-17 when the document had none),
 * {@code Id}, {@code Statement} as a list; in each statement {@code Sid}, {@code Effect}
 * ({@code Allow} or {@code Deny} whatever the case sent), the principals (an account id as its root
 * ARN, repeats dropped), the actions, the resources (each with its Not twin in its slot), then
 * {@code Condition} as sent; a one-element list of principals, actions or resources as a string.
 *
 * <p>Two documents are equivalent when their canonical forms are equal and both had a Version or
 * both had none: DynamoDB treats a document without Version as new even against its own read-back.
 *
 * @param document the canonical JSON
 * @param versionDefaulted whether the document had no Version
 */
public record CanonicalPolicy(String document, boolean versionDefaulted) {

    private static final String DEFAULT_VERSION = "2008-10-17";

    /** The principals of a statement by type, in the order given; {@link #EVERYONE} for {@code "*"}. */
    static final class Principals {
        static final Principals EVERYONE = new Principals();

        private final Map<String, Set<String>> byType = new LinkedHashMap<>();

        void add(String type, String value) {
            byType.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(value);
        }

        boolean everyone() {
            return this == EVERYONE || byType.getOrDefault("AWS", Set.of()).contains("*");
        }

        JsonValue json() {
            if (this == EVERYONE) return PolicyDocumentRules.JSON.createValue("*");
            JsonObjectBuilder object = PolicyDocumentRules.JSON.createObjectBuilder();
            byType.forEach((type, values) -> object.add(type, list(values)));
            return object.build();
        }
    }

    /** One statement as checked; {@code principals} null until they are. */
    record Statement(String sid, String effect, boolean notPrincipal, JsonValue rawPrincipal, boolean notAction, List<String> actions,
                     boolean notResource, List<String> resources, JsonValue condition, Principals principals) {

        Statement(String sid, String effect, boolean notPrincipal, JsonValue rawPrincipal, boolean notAction, List<String> actions,
                  boolean notResource, List<String> resources, JsonValue condition) {
            this(sid, effect, notPrincipal, rawPrincipal, notAction, actions, notResource, resources, condition, null);
        }

        Statement withPrincipals(Principals checked) {
            return new Statement(sid, effect, notPrincipal, rawPrincipal, notAction, actions, notResource, resources, condition, checked);
        }

        boolean grantsEveryone() {
            return principals.everyone();
        }

        JsonValue json() {
            JsonObjectBuilder object = PolicyDocumentRules.JSON.createObjectBuilder();
            if (sid != null) object.add("Sid", sid);
            object.add("Effect", effect);
            object.add(notPrincipal ? "NotPrincipal" : "Principal", principals.json());
            object.add(notAction ? "NotAction" : "Action", list(actions));
            object.add(notResource ? "NotResource" : "Resource", list(resources));
            if (condition != null) object.add("Condition", condition);
            return object.build();
        }
    }

    static CanonicalPolicy of(String version, String id, List<Statement> statements) {
        JsonObjectBuilder document = PolicyDocumentRules.JSON.createObjectBuilder();
        document.add("Version", version == null ? DEFAULT_VERSION : version);
        if (id != null) document.add("Id", id);
        JsonArrayBuilder list = PolicyDocumentRules.JSON.createArrayBuilder();
        statements.forEach(statement -> list.add(statement.json()));
        document.add("Statement", list);
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PolicyDocumentRules.JSON.createWriter(out)) {
            writer.writeObject(document.build());
        }
        return new CanonicalPolicy(out.toString(), version == null);
    }

    private static JsonValue list(Iterable<String> values) {
        List<String> all = new ArrayList<>();
        values.forEach(all::add);
        if (all.size() == 1) return PolicyDocumentRules.JSON.createValue(all.get(0));
        JsonArrayBuilder array = PolicyDocumentRules.JSON.createArrayBuilder();
        all.forEach(array::add);
        return array.build();
    }
}
