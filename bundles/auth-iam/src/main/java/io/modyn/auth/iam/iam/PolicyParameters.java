package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.identity.HolderKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request members of the policy actions, with the constraints of IAM's model: policy names (1
 * to 128 of {@code [\w+=,.@-]}), documents (1 to 131,072 characters of tab, newlines and
 * U+0020..U+00FF), ARNs (20 to 2,048), version ids ({@code v1}, {@code v2} ...), the holder's name
 * (UserName and RoleName 1 to 64, GroupName 1 to 128), lists ({@code X.member.N}).
 */
final class PolicyParameters {

    private static final String NAME_PATTERN = "[\\w+=,.@-]+";
    private static final String DOCUMENT_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    private static final String VERSION_ID_PATTERN = "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?";
    private static final String DESCRIPTION_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]*";

    private final IamParameters parameters;

    PolicyParameters(IamParameters parameters) {
        this.parameters = parameters;
    }

    IamParameters common() {
        return parameters;
    }

    /** {@code UserName}, {@code GroupName} or {@code RoleName}, required. */
    String holderName(HolderKind kind) {
        String member = kind.word() + "Name";
        String value = required(kind.title() + "Name", member);
        IamParameters.checkLength(member, value, 1, kind == HolderKind.GROUP ? 128 : 64);
        IamParameters.checkPattern(member, value, NAME_PATTERN);
        return value;
    }

    String policyName() {
        String value = required("PolicyName", "policyName");
        IamParameters.checkLength("policyName", value, 1, 128);
        IamParameters.checkPattern("policyName", value, NAME_PATTERN);
        return value;
    }

    String policyDocument() {
        return document("PolicyDocument", "policyDocument");
    }

    String document(String parameter, String member) {
        String value = required(parameter, member);
        IamParameters.checkLength(member, value, 1, 131072);
        IamParameters.checkPattern(member, value, DOCUMENT_PATTERN);
        return value;
    }

    String arn(String parameter, String member) {
        String value = required(parameter, member);
        IamParameters.checkLength(member, value, 20, 2048);
        return value;
    }

    String policyArn() {
        return arn("PolicyArn", "policyArn");
    }

    String versionId() {
        String value = required("VersionId", "versionId");
        IamParameters.checkPattern("versionId", value, VERSION_ID_PATTERN);
        return value;
    }

    /** {@code Description}: up to 1,000 characters; null when absent. */
    String description() {
        String value = parameters.get("Description");
        if (value == null) return null;
        IamParameters.checkLength("description", value, 0, 1000);
        IamParameters.checkPattern("description", value, DESCRIPTION_PATTERN);
        return value;
    }

    /** A boolean member, false when absent. */
    boolean flag(String parameter, String member) {
        String value = parameters.get(parameter);
        if (value == null) return false;
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw IamErrors.validation("Invalid value for parameter " + parameter + ": " + value);
    }

    /** {@code Scope}: All (default), AWS or Local. */
    String scope() {
        String value = parameters.get("Scope");
        if (value == null) return "All";
        if (!List.of("All", "AWS", "Local").contains(value)) {
            throw IamErrors.constraint("scope", value, "Member must satisfy enum value set: [All, AWS, Local]");
        }
        return value;
    }

    /** {@code Name.member.1}, {@code Name.member.2} ... in order; each 1 to {@code max} characters. */
    List<String> list(String parameter, String member, int min, int max) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.get(parameter + ".member." + i) != null; i++) {
            String value = parameters.get(parameter + ".member." + i);
            IamParameters.checkLength(member + "." + i + ".member", value, min, max);
            values.add(value);
        }
        return values;
    }

    /** {@code ContextEntries.member.N}: key name and values (types are not needed by our comparisons). */
    Map<String, List<String>> contextEntries() {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (int i = 1; parameters.get("ContextEntries.member." + i + ".ContextKeyName") != null; i++) {
            String prefix = "ContextEntries.member." + i;
            String key = parameters.get(prefix + ".ContextKeyName");
            IamParameters.checkLength("contextEntries." + i + ".member.contextKeyName", key, 5, 256);
            entries.put(key, list(prefix + ".ContextKeyValues", "contextEntries." + i + ".member.contextKeyValues", 0, 2048));
        }
        return entries;
    }

    private String required(String parameter, String member) {
        String value = parameters.get(parameter);
        if (value == null) throw IamErrors.constraint(member, null, "Member must not be null");
        return value;
    }
}
