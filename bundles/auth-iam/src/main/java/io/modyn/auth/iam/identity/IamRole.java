package io.modyn.auth.iam.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An IAM role as stored: its name (unique in the account regardless of case), path, unique id
 * ({@code AROA} and 16 characters), creation time, trust policy (the AssumeRolePolicyDocument as
 * given, JSON, checked when it was set), description (null: none), the longest session STS may
 * grant in seconds, and its tags in the order they were given.
 */
public record IamRole(String name, String path, String roleId, Instant createDate, String assumeRolePolicyDocument,
                      String description, int maxSessionDuration, Map<String, String> tags) {

    /** What a role allows when created without MaxSessionDuration: one hour. */
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public IamRole {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** {@code arn:aws:iam::<account>:role<path><name>}, as AWS names a role. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    IamRole withTags(Map<String, String> newTags) {
        return new IamRole(name, path, roleId, createDate, assumeRolePolicyDocument, description, maxSessionDuration, newTags);
    }

    IamRole withTrustPolicy(String document) {
        return new IamRole(name, path, roleId, createDate, document, description, maxSessionDuration, tags);
    }

    IamRole with(String newDescription, int newMaxSessionDuration) {
        return new IamRole(name, path, roleId, createDate, assumeRolePolicyDocument, newDescription, newMaxSessionDuration, tags);
    }
}
