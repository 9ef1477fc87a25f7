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
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The checks DynamoDB makes on a resource-based policy document before attaching it: at most
 * 20 KB (whitespace counts), JSON in IAM's policy grammar, and what a resource policy of a table
 * or stream needs: every statement names who it is about ({@code Principal} or
 * {@code NotPrincipal}), what ({@code Action} or {@code NotAction}, DynamoDB actions that act on a
 * table, index or stream, so not ListStreams or ListTables) and on which resources.
 *
 * <p>Observed messages: the invalid action names, and the invalid service principal. The others
 * follow IAM's wording for the same faults. Principals are checked for form only: whether an IAM
 * user or role exists is the auth bundle's knowledge, not the engine's.
 */
public final class PolicyDocumentRules {

    /** DynamoDB's limit, in bytes of the document as sent. */
    static final int MAX_BYTES = 20 * 1024;

    private static final JsonProvider JSON = new JsonProviderImpl();
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

    /** The DynamoDB actions with a table, index or stream resource: those a resource policy can grant. */
    private static final List<String> RESOURCE_ACTIONS = List.of(
            "BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "CreateBackup", "CreateGlobalTable", "CreateTable",
            "CreateTableReplica", "DeleteItem", "DeleteResourcePolicy", "DeleteTable", "DeleteTableReplica",
            "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeKinesisStreamingDestination", "DescribeStream",
            "DescribeTable", "DescribeTableReplicaAutoScaling", "DescribeTimeToLive", "DisableKinesisStreamingDestination",
            "EnableKinesisStreamingDestination", "ExportTableToPointInTime", "GetItem", "GetRecords", "GetResourcePolicy",
            "GetShardIterator", "ImportTable", "ListTagsOfResource", "PartiQLDelete", "PartiQLInsert", "PartiQLSelect",
            "PartiQLUpdate", "PutItem", "PutResourcePolicy", "Query", "ReplicateSettings", "RestoreTableFromBackup",
            "RestoreTableToPointInTime", "Scan", "TagResource", "UntagResource", "UpdateContinuousBackups",
            "UpdateContributorInsights", "UpdateItem", "UpdateKinesisStreamingDestination", "UpdateTable",
            "UpdateTableReplicaAutoScaling", "UpdateTimeToLive");

    private PolicyDocumentRules() {
    }

    /** Throws DynamoDB's ValidationException for the first fault of the document. */
    public static void check(String document) {
        if (document.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DynamoException.validation(INVALID + "Resource-based policy document exceeds the maximum size of 20 KB");
        }
        JsonObject root = parse(document);
        for (String element : root.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(element)) throw syntax();
        }
        if (root.containsKey("Version") && !VERSIONS.contains(string(root.get("Version")))) {
            throw invalidDocument("The policy must contain a valid version string");
        }
        if (root.containsKey("Id")) string(root.get("Id"));
        List<String> invalidActions = new ArrayList<>();
        for (JsonObject statement : statements(root.get("Statement"))) checkStatement(statement, invalidActions);
        if (!invalidActions.isEmpty()) {
            throw invalidDocument("The following action names are invalid: " + String.join(", ", invalidActions));
        }
    }

    private static void checkStatement(JsonObject statement, List<String> invalidActions) {
        for (String element : statement.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(element)) throw syntax();
        }
        if (statement.containsKey("Sid")) string(statement.get("Sid"));
        if (!statement.containsKey("Effect")) throw invalidDocument("Missing required field Effect");
        String effect = string(statement.get("Effect"));
        if (!effect.equals("Allow") && !effect.equals("Deny")) throw invalidDocument("Invalid effect: " + effect);
        JsonValue principal = exactlyOne(statement, "Principal", "NotPrincipal", "Missing required field Principal");
        List<String> actions = strings(exactlyOne(statement, "Action", "NotAction", "Policy statement must contain actions."));
        List<String> resources = strings(exactlyOne(statement, "Resource", "NotResource", "Policy statement must contain resources."));
        if (statement.containsKey("Condition")) checkCondition(statement.get("Condition"));
        checkPrincipal(principal);
        for (String action : actions) {
            if (!isResourceAction(action)) invalidActions.add("\"" + action + "\"");
        }
        for (String resource : resources) {
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw invalidDocument("Resource " + resource + " must be in ARN format or \"*\".");
            }
        }
    }

    private static JsonValue exactlyOne(JsonObject statement, String element, String notElement, String missing) {
        boolean has = statement.containsKey(element);
        boolean hasNot = statement.containsKey(notElement);
        if (has && hasNot) throw syntax();
        if (!has && !hasNot) throw invalidDocument(missing);
        return statement.get(has ? element : notElement);
    }

    private static void checkPrincipal(JsonValue principal) {
        if (principal instanceof JsonString anyone) {
            if (!anyone.getString().equals("*")) throw invalidPrincipal();
            return;
        }
        if (!(principal instanceof JsonObject byType) || byType.isEmpty()) throw syntax();
        for (String type : byType.keySet()) {
            List<String> values = strings(byType.get(type));
            for (String value : values) {
                switch (type) {
                    case "AWS" -> {
                        if (!value.equals("*") && !ACCOUNT.matcher(value).matches() && !IAM_PRINCIPAL.matcher(value).matches()) {
                            throw invalidPrincipal();
                        }
                    }
                    case "Service" -> {
                        if (!SERVICE_PRINCIPALS.contains(value)) throw invalidDocument("Policy contains invalid service principal");
                    }
                    case "Federated", "CanonicalUser" -> throw invalidPrincipal();
                    default -> throw syntax();
                }
            }
        }
    }

    /** {@code *}, or {@code dynamodb:} with a name or wildcard pattern matching at least one resource action (case-insensitive, as IAM matches). */
    static boolean isResourceAction(String action) {
        if (action.equals("*")) return true;
        int colon = action.indexOf(':');
        if (colon < 0 || !action.substring(0, colon).equalsIgnoreCase("dynamodb")) return false;
        Pattern pattern = wildcard(action.substring(colon + 1));
        return RESOURCE_ACTIONS.stream().anyMatch(name -> pattern.matcher(name).matches());
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
        if (!(statement instanceof JsonArray array) || array.isEmpty()) throw syntax();
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
