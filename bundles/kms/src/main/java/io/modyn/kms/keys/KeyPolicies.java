package io.modyn.kms.keys;

import io.modyn.api.crypto.KeyManagerException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Key policies: the default ones AWS KMS writes, and the checks KMS makes on a policy sent with
 * CreateKey or PutKeyPolicy before storing it. What a policy allows is the authorizer's to judge
 * (auth-iam evaluates key policies as it evaluates IAM policies); this class only refuses a policy
 * that is not a key policy at all, and, without an authorizer, one that would lock its author out
 * (KMS's "policy lockout safety check", which {@code BypassPolicyLockoutSafetyCheck} skips).
 */
public final class KeyPolicies {

    /** The only policy name KMS has. */
    public static final String DEFAULT_NAME = "default";
    public static final int MAX_LENGTH = 32768;

    static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";
    private static final Pattern AWS_PRINCIPAL = Pattern.compile("\\*|[0-9]{12}|arn:aws:iam::[0-9]{12}:(root|user/.+|role/.+)|arn:aws:sts::[0-9]{12}:assumed-role/.+");

    private KeyPolicies() {
    }

    /**
     * The policy KMS gives a key created through the API without one: the account (its root) may
     * do everything with the key, which is what lets IAM policies grant access to it. Laid out as
     * GetKeyPolicy returns it from AWS.
     */
    public static String defaultPolicy(String accountId) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"key-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + accountId + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    /**
     * The policy of the AWS managed key {@code alias/aws/dynamodb}, as DynamoDB's documentation
     * shows it: every principal of the account may use the key through DynamoDB, the account may
     * read its metadata directly, and DynamoDB may describe it.
     */
    public static String awsManagedDynamoDbPolicy(String accountId) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"auto-dynamodb-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Allow access through Amazon DynamoDB for all principals in the account that are authorized to use Amazon DynamoDB\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"*\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Encrypt\", \"kms:Decrypt\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", \"kms:CreateGrant\", \"kms:DescribeKey\" ],\n"
                + "    \"Resource\" : \"*\",\n"
                + "    \"Condition\" : {\n"
                + "      \"StringLike\" : {\n"
                + "        \"kms:ViaService\" : \"dynamodb.*.amazonaws.com\"\n"
                + "      },\n"
                + "      \"StringEquals\" : {\n"
                + "        \"kms:CallerAccount\" : \"" + accountId + "\"\n"
                + "      }\n"
                + "    }\n"
                + "  }, {\n"
                + "    \"Sid\" : \"Allow direct access to key metadata to the account\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + accountId + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\", \"kms:RevokeGrant\" ],\n"
                + "    \"Resource\" : \"*\"\n"
                + "  }, {\n"
                + "    \"Sid\" : \"Allow DynamoDB Service with service principal name dynamodb.amazonaws.com to describe the key directly\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"Service\" : \"dynamodb.amazonaws.com\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\" ],\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    /** The policy's statements, refusing what is not a key policy with MalformedPolicyDocumentException. */
    public static List<JsonObject> validate(String policy) {
        if (policy.isEmpty()) {
            throw KmsErrors.constraint(policy, "policy", "Member must have length greater than or equal to 1");
        }
        if (policy.length() > MAX_LENGTH) {
            throw KmsErrors.constraint(policy, "policy", "Member must have length less than or equal to " + MAX_LENGTH);
        }
        JsonObject document;
        try {
            document = KmsKey.JSON.createReader(new StringReader(policy)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("The policy document is not valid JSON.");
        }
        JsonValue statement = document.get("Statement");
        List<JsonObject> statements = new ArrayList<>();
        if (statement instanceof JsonObject single) {
            statements.add(single);
        } else if (statement instanceof JsonArray array && !array.isEmpty()) {
            for (JsonValue value : array) {
                if (!(value instanceof JsonObject s)) {
                    throw malformed("Policy contains a statement that is not a JSON object.");
                }
                statements.add(s);
            }
        } else {
            throw malformed("Policy is missing required element - Statement");
        }
        for (JsonObject s : statements) {
            String effect = s.get("Effect") instanceof JsonString e ? e.getString() : null;
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                throw malformed("Policy contains a statement with an invalid or missing Effect.");
            }
            if (!s.containsKey("Action") && !s.containsKey("NotAction")) {
                throw malformed("Policy contains a statement with no action.");
            }
            JsonValue principal = s.containsKey("Principal") ? s.get("Principal") : s.get("NotPrincipal");
            if (principal == null) {
                throw malformed("Policy contains a statement with no principal.");
            }
            if (!validPrincipal(principal)) {
                throw malformed("Policy contains a statement with one or more invalid principals.");
            }
        }
        return statements;
    }

    private static boolean validPrincipal(JsonValue principal) {
        if (principal instanceof JsonString s) {
            return s.getString().equals("*");
        }
        if (!(principal instanceof JsonObject object) || object.isEmpty()) {
            return false;
        }
        for (var entry : object.entrySet()) {
            for (String value : strings(entry.getValue())) {
                if (value == null) {
                    return false;
                }
                if (entry.getKey().equals("AWS") && !AWS_PRINCIPAL.matcher(value).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * KMS's lockout safety check, structurally, for a server without an authorizer: some Allow
     * statement must let the caller (its ARN, its account's root or account id, or everyone) do
     * {@code kms:PutKeyPolicy}. With an authorizer the check is the authorizer's own decision.
     */
    public static void checkLockout(List<JsonObject> statements, String accountId, String callerArn) {
        for (JsonObject s : statements) {
            if (!"Allow".equals(s.getString("Effect", "")) || !s.containsKey("Principal")) {
                continue;
            }
            if (coversCaller(s.get("Principal"), accountId, callerArn) && coversPutKeyPolicy(s)) {
                return;
            }
        }
        throw malformed(LOCKOUT);
    }

    public static KeyManagerException lockout() {
        return malformed(LOCKOUT);
    }

    private static boolean coversCaller(JsonValue principal, String accountId, String callerArn) {
        List<String> values = principal instanceof JsonObject object ? strings(object.get("AWS")) : strings(principal);
        for (String value : values) {
            if ("*".equals(value) || accountId.equals(value) || ("arn:aws:iam::" + accountId + ":root").equals(value)
                    || (callerArn != null && callerArn.equals(value))) {
                return true;
            }
        }
        return false;
    }

    private static boolean coversPutKeyPolicy(JsonObject statement) {
        if (statement.containsKey("Action")) {
            return strings(statement.get("Action")).stream().anyMatch(a -> a != null && matches(a, "kms:PutKeyPolicy"));
        }
        return strings(statement.get("NotAction")).stream().noneMatch(a -> a != null && matches(a, "kms:PutKeyPolicy"));
    }

    /** IAM's action match: case-insensitive, {@code *} any run of characters, {@code ?} one. */
    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    /** A string or list of strings; a null element for anything else. */
    private static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonString s) {
            out.add(s.getString());
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : null));
        } else if (value != null) {
            out.add(null);
        }
        return out;
    }

    private static KeyManagerException malformed(String message) {
        return new KeyManagerException("MalformedPolicyDocumentException", message);
    }
}
