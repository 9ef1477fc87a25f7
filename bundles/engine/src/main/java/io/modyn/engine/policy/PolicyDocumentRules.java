package io.modyn.engine.policy;

import io.modyn.api.model.DynamoException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The checks DynamoDB makes on a resource-based policy document before attaching it, in one pass
 * that also yields the document's canonical form ({@link CanonicalPolicy}): at most 20480 bytes as
 * sent (whitespace counts), JSON in IAM's policy grammar, and what a policy of a table or of a
 * stream needs. Every statement names its principals, actions and resources; the actions are
 * those of the target's kind (a table's policy governs the table and its indexes, so DescribeStream
 * or GetRecords are invalid there; a stream's policy has only the stream actions; ListStreams is
 * account-wide and valid in neither); the resources are ARNs of that kind; an Allow to everyone
 * ({@code "*"}) without a Condition is refused as unbounded access.
 *
 * <p>Messages observed from DynamoDB: size, invalid Json, empty Statement, missing Resource, the
 * invalid action names, the relative-id of a resource of the other kind, duplicate Sids, invalid
 * principal, invalid service principal, unbounded access. The others follow the same wording.
 * Principals are checked for form only: whether an IAM user or role exists is the auth bundle's
 * knowledge, not the engine's.
 */
public final class PolicyDocumentRules {

    /** DynamoDB's limit, in bytes of the document as sent. */
    static final int MAX_BYTES = 20480;

    static final JsonProvider JSON = new JsonProviderImpl();
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String INVALID_DOCUMENT = INVALID + "Invalid policy document: ";
    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
            "Principal", "NotPrincipal", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    /** The service principals DynamoDB accepts in resource policies (Redshift zero-ETL, multi-account replication). */
    private static final Set<String> SERVICE_PRINCIPALS = Set.of("redshift.amazonaws.com", "replication.dynamodb.amazonaws.com");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern IAM_PRINCIPAL = Pattern.compile(
            "arn:aws[a-z-]*:(iam::\\d{12}:(root|user/.+|role/.+|federated-user/.+)|sts::\\d{12}:assumed-role/.+)");
    private static final Pattern STREAM_RESOURCE = Pattern.compile("table/[^/]+/stream/.+");

    /** The resource policy actions, on tables and streams alike. */
    private static final List<String> POLICY_ACTIONS = List.of("DeleteResourcePolicy", "GetResourcePolicy", "PutResourcePolicy");
    /** The DynamoDB actions with a table or index resource: those a table's policy can name. */
    private static final List<String> TABLE_ACTIONS = List.of(
            "BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "CreateBackup", "CreateGlobalTable", "CreateTable",
            "CreateTableReplica", "DeleteItem", "DeleteTable", "DeleteTableReplica", "DescribeContinuousBackups",
            "DescribeContributorInsights", "DescribeKinesisStreamingDestination", "DescribeTable", "DescribeTableReplicaAutoScaling",
            "DescribeTimeToLive", "DisableKinesisStreamingDestination", "EnableKinesisStreamingDestination", "ExportTableToPointInTime",
            "GetItem", "ImportTable", "ListTagsOfResource", "PartiQLDelete", "PartiQLInsert", "PartiQLSelect", "PartiQLUpdate",
            "PutItem", "Query", "ReplicateSettings", "RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan", "TagResource",
            "UntagResource", "UpdateContinuousBackups", "UpdateContributorInsights", "UpdateItem", "UpdateKinesisStreamingDestination",
            "UpdateTable", "UpdateTableReplicaAutoScaling", "UpdateTimeToLive");
    /** The DynamoDB Streams actions: those a stream's policy can name. */
    private static final List<String> STREAM_ACTIONS = List.of("DescribeStream", "GetRecords", "GetShardIterator");

    private PolicyDocumentRules() {
    }

    /**
     * Checks a document for a table's policy ({@code forStream} false) or a stream's, and answers
     * its canonical form; throws DynamoDB's ValidationException for the first fault.
     */
    public static CanonicalPolicy check(String document, boolean forStream) {
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DynamoException.validation(INVALID + "Maximum policy size of " + MAX_BYTES + " bytes exceeded");
        }
        JsonObject root = parse(document);
        for (String element : root.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(element)) throw syntax();
        }
        String version = root.containsKey("Version") ? string(root.get("Version")) : null;
        if (version != null && !VERSIONS.contains(version)) throw invalidDocument("The policy must contain a valid version string");
        String id = root.containsKey("Id") ? string(root.get("Id")) : null;
        List<CanonicalPolicy.Statement> statements = new ArrayList<>();
        for (JsonObject statement : statements(root.get("Statement"))) statements.add(shape(statement));
        Set<String> sids = new HashSet<>();
        for (CanonicalPolicy.Statement s : statements) {
            if (s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                throw invalidDocument("The Statement Ids in the policy are not unique");
            }
        }
        List<CanonicalPolicy.Statement> canonical = new ArrayList<>(statements.size());
        for (CanonicalPolicy.Statement s : statements) canonical.add(s.withPrincipals(principals(s)));
        for (CanonicalPolicy.Statement s : canonical) {
            if (s.effect().equals("Allow") && !s.notPrincipal() && s.grantsEveryone() && s.condition() == null) {
                throw DynamoException.validation("Resource-based policy grants unbounded access in one or more elements. "
                        + "Please revise the policy to ensure least-privilege form of access");
            }
        }
        List<String> invalidActions = new ArrayList<>();
        for (CanonicalPolicy.Statement s : canonical) {
            for (String action : s.actions()) {
                if (!isAction(action, forStream)) invalidActions.add("\"" + action + "\"");
            }
        }
        if (!invalidActions.isEmpty()) throw invalidDocument("The following action names are invalid: " + String.join(", ", invalidActions));
        for (CanonicalPolicy.Statement s : canonical) {
            for (String resource : s.resources()) checkResource(resource, forStream);
        }
        return CanonicalPolicy.of(version, id, canonical);
    }

    private static CanonicalPolicy.Statement shape(JsonObject statement) {
        for (String element : statement.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(element)) throw syntax();
        }
        String sid = statement.containsKey("Sid") ? string(statement.get("Sid")) : null;
        if (!statement.containsKey("Effect")) throw invalidDocument("Missing required field Effect");
        String effect = string(statement.get("Effect"));
        String canonicalEffect = switch (effect.toLowerCase(Locale.ROOT)) {
            case "allow" -> "Allow";
            case "deny" -> "Deny";
            default -> throw invalidDocument("Invalid effect: " + effect);
        };
        boolean notPrincipal = has(statement, "Principal", "NotPrincipal", "Missing required field Principal");
        JsonValue principal = statement.get(notPrincipal ? "NotPrincipal" : "Principal");
        boolean notAction = has(statement, "Action", "NotAction", "Missing required field Action");
        List<String> actions = strings(statement.get(notAction ? "NotAction" : "Action"));
        boolean notResource = has(statement, "Resource", "NotResource", "Missing required field Resource");
        List<String> resources = strings(statement.get(notResource ? "NotResource" : "Resource"));
        JsonValue condition = statement.get("Condition");
        if (condition != null) checkCondition(condition);
        return new CanonicalPolicy.Statement(sid, canonicalEffect, notPrincipal, principal, notAction, actions, notResource, resources, condition);
    }

    /** Whether the statement has the element or its Not twin (true for the twin); neither or both are refused. */
    private static boolean has(JsonObject statement, String element, String notElement, String missing) {
        boolean has = statement.containsKey(element);
        boolean hasNot = statement.containsKey(notElement);
        if (has && hasNot) throw syntax();
        if (!has && !hasNot) throw invalidDocument(missing);
        return hasNot;
    }

    /** The principals in canonical form: an account id as its root ARN, repeats dropped; {@code *} stays. */
    private static CanonicalPolicy.Principals principals(CanonicalPolicy.Statement statement) {
        JsonValue principal = statement.rawPrincipal();
        if (principal instanceof JsonString anyone) {
            if (!anyone.getString().equals("*")) throw syntax();
            return CanonicalPolicy.Principals.EVERYONE;
        }
        if (!(principal instanceof JsonObject byType) || byType.isEmpty()) throw syntax();
        CanonicalPolicy.Principals principals = new CanonicalPolicy.Principals();
        for (String type : byType.keySet()) {
            for (String value : strings(byType.get(type))) {
                switch (type) {
                    case "AWS" -> {
                        if (ACCOUNT.matcher(value).matches()) value = "arn:aws:iam::" + value + ":root";
                        else if (!value.equals("*") && !IAM_PRINCIPAL.matcher(value).matches()) throw invalidPrincipal();
                    }
                    case "Service" -> {
                        if (!SERVICE_PRINCIPALS.contains(value)) throw invalidDocument("Policy contains invalid service principal");
                    }
                    case "Federated", "CanonicalUser" -> throw invalidPrincipal();
                    default -> throw syntax();
                }
                principals.add(type, value);
            }
        }
        return principals;
    }

    /** {@code *}, or {@code dynamodb:} with a name or wildcard pattern matching at least one action of the target's kind (case-insensitive, as IAM matches). */
    static boolean isAction(String action, boolean forStream) {
        if (action.equals("*")) return true;
        int colon = action.indexOf(':');
        if (colon < 0 || !action.substring(0, colon).equalsIgnoreCase("dynamodb")) return false;
        Pattern pattern = wildcard(action.substring(colon + 1));
        List<String> names = forStream ? STREAM_ACTIONS : TABLE_ACTIONS;
        return names.stream().anyMatch(name -> pattern.matcher(name).matches())
                || POLICY_ACTIONS.stream().anyMatch(name -> pattern.matcher(name).matches());
    }

    /** {@code *}, or a DynamoDB ARN whose relative id is of the target's kind: a table or index, or a stream. */
    private static void checkResource(String resource, boolean forStream) {
        if (resource.equals("*")) return;
        String[] parts = resource.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) throw invalidDocument("Resource " + resource + " must be in ARN format or \"*\".");
        String relativeId = parts[5];
        boolean stream = STREAM_RESOURCE.matcher(relativeId).matches();
        boolean table = relativeId.startsWith("table/") && !relativeId.contains("/stream/");
        if (!parts[2].equals("dynamodb") || (forStream ? !stream : !table)) {
            throw invalidDocument("The relative-id \"" + relativeId + "\" is invalid for ARN \"" + resource + "\"");
        }
    }

    private static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Condition: operator → (key → value or values). */
    private static void checkCondition(JsonValue condition) {
        if (!(condition instanceof JsonObject operators)) throw syntax();
        for (JsonValue keys : operators.values()) {
            if (!(keys instanceof JsonObject byKey)) throw syntax();
            for (JsonValue values : byKey.values()) {
                if (values instanceof JsonArray array) {
                    array.forEach(PolicyDocumentRules::scalar);
                } else {
                    scalar(values);
                }
            }
        }
    }

    private static void scalar(JsonValue value) {
        if (value instanceof JsonObject || value instanceof JsonArray || value == JsonValue.NULL) throw syntax();
    }

    private static JsonObject parse(String document) {
        try (JsonReader reader = JSON.createReader(new StringReader(document))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) throw invalidJson();
            return object;
        } catch (JsonException | IllegalStateException e) {
            throw invalidJson();
        }
    }

    private static List<JsonObject> statements(JsonValue statement) {
        if (statement == null) throw invalidDocument("Missing required field Statement");
        if (statement instanceof JsonObject single) return List.of(single);
        if (!(statement instanceof JsonArray array)) throw syntax();
        if (array.isEmpty()) throw invalidDocument("Could not parse the policy: Statement is empty!");
        List<JsonObject> statements = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (!(element instanceof JsonObject object)) throw syntax();
            statements.add(object);
        }
        return statements;
    }

    /** A string, or a non-empty array of strings. */
    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString single) return List.of(single.getString());
        if (!(value instanceof JsonArray array) || array.isEmpty()) throw syntax();
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue element : array) strings.add(string(element));
        return strings;
    }

    private static String string(JsonValue value) {
        if (!(value instanceof JsonString string)) throw syntax();
        return string.getString();
    }

    private static DynamoException invalidJson() {
        return invalidDocument("This policy contains invalid Json");
    }

    private static DynamoException syntax() {
        return invalidDocument("Syntax errors in policy.");
    }

    private static DynamoException invalidPrincipal() {
        return DynamoException.validation(INVALID + "Invalid principal in policy document.");
    }

    private static DynamoException invalidDocument(String detail) {
        return DynamoException.validation(INVALID_DOCUMENT + detail);
    }
}
