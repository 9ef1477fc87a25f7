package io.modyn.auth.iam.sts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * STS request members, checked with the constraints of STS's model (lengths, patterns, ranges)
 * and reported as AWS reports them: {@code ValidationError} with "1 validation error detected:
 * Value 'x' at 'roleSessionName' failed to satisfy constraint: ...".
 */
final class StsParameters {

    static final String SESSION_NAME_PATTERN = "[\\w+=,.@-]*";
    private static final String EXTERNAL_ID_PATTERN = "[\\w+=,.@:\\/-]*";
    private static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    private static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final String POLICY_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    static final int MAX_TAGS = 50;
    static final int MAX_POLICY_ARNS = 10;

    private final Map<String, String> parameters;

    StsParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** {@code DurationSeconds} within the model's range, or {@code defaultSeconds} when absent. */
    int durationSeconds(int min, int max, int defaultSeconds) {
        String value = parameters.get("DurationSeconds");
        if (value == null) return defaultSeconds;
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw StsErrors.validation("Invalid value for parameter DurationSeconds: " + value);
        }
        if (seconds < min) throw StsErrors.constraint("durationSeconds", value, "Member must have value greater than or equal to " + min);
        if (seconds > max) throw StsErrors.constraint("durationSeconds", value, "Member must have value less than or equal to " + max);
        return (int) seconds;
    }

    String roleArn() {
        String value = required("RoleArn", "roleArn");
        checkLength("roleArn", value, 20, 2048);
        return value;
    }

    String roleSessionName() {
        String value = required("RoleSessionName", "roleSessionName");
        checkLength("roleSessionName", value, 2, 64);
        checkPattern("roleSessionName", value, SESSION_NAME_PATTERN);
        return value;
    }

    /** {@code Policy}, the inline session policy; null when absent. */
    String policy() {
        String value = parameters.get("Policy");
        if (value == null) return null;
        checkLength("policy", value, 1, 2048);
        checkPattern("policy", value, POLICY_PATTERN);
        return value;
    }

    /** {@code PolicyArns.member.N.arn}, N from 1. */
    List<String> policyArns() {
        List<String> arns = new ArrayList<>();
        for (int i = 1; parameters.containsKey("PolicyArns.member." + i + ".arn"); i++) {
            String arn = parameters.get("PolicyArns.member." + i + ".arn");
            checkLength("policyArns." + i + ".member.arn", arn, 20, 2048);
            arns.add(arn);
        }
        if (arns.size() > MAX_POLICY_ARNS) {
            throw StsErrors.constraint("policyArns", null, "Member must have length less than or equal to " + MAX_POLICY_ARNS);
        }
        return arns;
    }

    /** {@code Tags.member.N.Key} / {@code .Value}, in order; keys are unique regardless of case, as IAM's. */
    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> lowerCaseKeys = new LinkedHashMap<>();
        for (int i = 1; parameters.containsKey("Tags.member." + i + ".Key"); i++) {
            String key = parameters.get("Tags.member." + i + ".Key");
            String value = parameters.get("Tags.member." + i + ".Value");
            String member = "tags." + i + ".member";
            checkLength(member + ".key", key, 1, 128);
            checkPattern(member + ".key", key, TAG_KEY_PATTERN);
            if (value == null) throw StsErrors.constraint(member + ".value", null, "Member must not be null");
            checkLength(member + ".value", value, 0, 256);
            checkPattern(member + ".value", value, TAG_VALUE_PATTERN);
            if (lowerCaseKeys.put(key.toLowerCase(Locale.ROOT), key) != null) {
                throw StsErrors.validation("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            tags.put(key, value);
        }
        if (tags.size() > MAX_TAGS) {
            throw StsErrors.constraint("tags", null, "Member must have length less than or equal to " + MAX_TAGS);
        }
        return tags;
    }

    /** {@code TransitiveTagKeys.member.N}. */
    List<String> transitiveTagKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; parameters.containsKey("TransitiveTagKeys.member." + i); i++) {
            String key = parameters.get("TransitiveTagKeys.member." + i);
            checkLength("transitiveTagKeys." + i + ".member", key, 1, 128);
            checkPattern("transitiveTagKeys." + i + ".member", key, TAG_KEY_PATTERN);
            keys.add(key);
        }
        if (keys.size() > MAX_TAGS) {
            throw StsErrors.constraint("transitiveTagKeys", null, "Member must have length less than or equal to " + MAX_TAGS);
        }
        return keys;
    }

    String externalId() {
        String value = parameters.get("ExternalId");
        if (value == null) return null;
        checkLength("externalId", value, 2, 1224);
        checkPattern("externalId", value, EXTERNAL_ID_PATTERN);
        return value;
    }

    String sourceIdentity() {
        String value = parameters.get("SourceIdentity");
        if (value == null) return null;
        checkLength("sourceIdentity", value, 2, 64);
        checkPattern("sourceIdentity", value, SESSION_NAME_PATTERN);
        return value;
    }

    private String required(String parameter, String member) {
        String value = parameters.get(parameter);
        if (value == null) throw StsErrors.constraint(member, null, "Member must not be null");
        return value;
    }

    private static void checkLength(String member, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) throw StsErrors.constraint(member, value, "Member must have length greater than or equal to " + min);
        if (length > max) throw StsErrors.constraint(member, value, "Member must have length less than or equal to " + max);
    }

    private static void checkPattern(String member, String value, String pattern) {
        if (!Pattern.matches(pattern, value)) {
            throw StsErrors.constraint(member, value, "Member must satisfy regular expression pattern: " + pattern);
        }
    }
}
