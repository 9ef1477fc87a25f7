package io.modyn.auth.iam.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IAM API's request members, checked with the constraints of IAM's model (lengths and
 * patterns) and reported as AWS reports them: {@code ValidationError} with "1 validation error
 * detected: Value 'x' at 'userName' failed to satisfy constraint: ...".
 */
final class IamParameters {

    private static final String NAME_PATTERN = "[\\w+=,.@-]+";
    private static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    private static final String PATH_PREFIX_PATTERN = "\\u002F[\\u0021-\\u007F]*";
    private static final String ACCESS_KEY_ID_PATTERN = "[\\w]+";
    private static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    private static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final String POLICY_DOCUMENT_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    private static final String ROLE_DESCRIPTION_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*";
    static final int MAX_TAGS = 50;

    private final Map<String, String> parameters;

    IamParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** The parameter as sent, or null. */
    String get(String parameter) {
        return parameters.get(parameter);
    }

    /** {@code UserName}: required. */
    String userName() {
        return name("UserName", "userName", true);
    }

    /** {@code UserName}: null when absent (then the caller's own user is meant). */
    String optionalUserName() {
        return name("UserName", "userName", false);
    }

    String name(String parameter, String member, boolean required) {
        return name(parameter, member, required, 64);
    }

    /** A user, group or role name of at most {@code maxLength} characters (64, or 128 for groups). */
    String name(String parameter, String member, boolean required, int maxLength) {
        String value = parameters.get(parameter);
        if (value == null) {
            if (required) throw IamErrors.constraint(member, null, "Member must not be null");
            return null;
        }
        checkLength(member, value, 1, maxLength);
        checkPattern(member, value, NAME_PATTERN);
        return value;
    }

    /** {@code GroupName}: required, at most 128 characters. */
    String groupName() {
        return name("GroupName", "groupName", true, 128);
    }

    /** {@code RoleName}: required. */
    String roleName() {
        return name("RoleName", "roleName", true, 64);
    }

    /** A policy document's text (its JSON is the policy parser's to check): required. */
    String policyDocument(String parameter, String member) {
        String value = parameters.get(parameter);
        if (value == null) throw IamErrors.constraint(member, null, "Member must not be null");
        checkLength(member, value, 1, 131072);
        checkPattern(member, value, POLICY_DOCUMENT_PATTERN);
        return value;
    }

    /** A role's {@code Description}: null when absent. */
    String roleDescription() {
        String value = parameters.get("Description");
        if (value == null) return null;
        checkLength("description", value, 0, 1000);
        checkPattern("description", value, ROLE_DESCRIPTION_PATTERN);
        return value;
    }

    /** {@code MaxSessionDuration}, 3600 to 43200 seconds; null when absent. */
    Integer maxSessionDuration() {
        String value = parameters.get("MaxSessionDuration");
        if (value == null) return null;
        int seconds;
        try {
            seconds = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw IamErrors.validation("Invalid value for parameter MaxSessionDuration: " + value);
        }
        if (seconds < 3600) {
            throw IamErrors.constraint("maxSessionDuration", value, "Member must have value greater than or equal to 3600");
        }
        if (seconds > 43200) {
            throw IamErrors.constraint("maxSessionDuration", value, "Member must have value less than or equal to 43200");
        }
        return seconds;
    }

    /** {@code Path} or {@code NewPath}: {@code /} or {@code /text/}; null when absent. */
    String path(String parameter, String member) {
        String value = parameters.get(parameter);
        if (value == null) return null;
        checkLength(member, value, 1, 512);
        checkPattern(member, value, PATH_PATTERN);
        return value;
    }

    String pathPrefix() {
        String value = parameters.get("PathPrefix");
        if (value == null) return "/";
        checkLength("pathPrefix", value, 1, 512);
        checkPattern("pathPrefix", value, PATH_PREFIX_PATTERN);
        return value;
    }

    String accessKeyId() {
        String value = parameters.get("AccessKeyId");
        if (value == null) throw IamErrors.constraint("accessKeyId", null, "Member must not be null");
        checkLength("accessKeyId", value, 16, 128);
        checkPattern("accessKeyId", value, ACCESS_KEY_ID_PATTERN);
        return value;
    }

    /** {@code Status}: Active (true) or Inactive (false). */
    boolean status() {
        String value = parameters.get("Status");
        if ("Active".equals(value)) return true;
        if ("Inactive".equals(value)) return false;
        throw IamErrors.constraint("status", value, value == null ? "Member must not be null"
                : "Member must satisfy enum value set: [Active, Inactive]");
    }

    /** {@code MaxItems}, 1 to 1000, default 100. */
    int maxItems() {
        String value = parameters.get("MaxItems");
        if (value == null) return 100;
        int items;
        try {
            items = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw IamErrors.validation("Invalid value for parameter MaxItems: " + value);
        }
        if (items < 1) throw IamErrors.constraint("maxItems", value, "Member must have value greater than or equal to 1");
        if (items > 1000) throw IamErrors.constraint("maxItems", value, "Member must have value less than or equal to 1000");
        return items;
    }

    String marker() {
        String value = parameters.get("Marker");
        if (value == null) return null;
        checkLength("marker", value, 1, 320);
        return value;
    }

    /** {@code Tags.member.N.Key} / {@code .Value}, N from 1, in order; absent: empty. */
    Map<String, String> tags(boolean required) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; parameters.containsKey("Tags.member." + i + ".Key"); i++) {
            String key = parameters.get("Tags.member." + i + ".Key");
            String value = parameters.getOrDefault("Tags.member." + i + ".Value", null);
            String member = "tags." + i + ".member";
            checkLength(member + ".key", key, 1, 128);
            checkPattern(member + ".key", key, TAG_KEY_PATTERN);
            if (value == null) throw IamErrors.constraint(member + ".value", null, "Member must not be null");
            checkLength(member + ".value", value, 0, 256);
            checkPattern(member + ".value", value, TAG_VALUE_PATTERN);
            if (tags.put(key, value) != null) {
                throw IamErrors.validation("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        if (required && tags.isEmpty()) throw IamErrors.constraint("tags", null, "Member must not be null");
        if (tags.size() > MAX_TAGS) {
            throw IamErrors.constraint("tags", null, "Member must have length less than or equal to " + MAX_TAGS);
        }
        return tags;
    }

    /** {@code TagKeys.member.N}, required. */
    List<String> tagKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; parameters.containsKey("TagKeys.member." + i); i++) {
            String key = parameters.get("TagKeys.member." + i);
            checkLength("tagKeys." + i + ".member", key, 1, 128);
            keys.add(key);
        }
        if (keys.isEmpty()) throw IamErrors.constraint("tagKeys", null, "Member must not be null");
        return keys;
    }

    static void checkLength(String member, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) throw IamErrors.constraint(member, value, "Member must have length greater than or equal to " + min);
        if (length > max) throw IamErrors.constraint(member, value, "Member must have length less than or equal to " + max);
    }

    static void checkPattern(String member, String value, String pattern) {
        if (!Pattern.matches(pattern, value)) {
            throw IamErrors.constraint(member, value, "Member must satisfy regular expression pattern: " + pattern);
        }
    }

}
