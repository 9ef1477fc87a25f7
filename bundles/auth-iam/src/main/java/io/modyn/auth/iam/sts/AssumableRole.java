package io.modyn.auth.iam.sts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code AssumeRole} needs of a role.
 *
 * @param name the role's name (its ARN without path: sessions are {@code assumed-role/<name>/<session>})
 * @param arn the role's ARN, path included
 * @param roleId the role's unique id ({@code AROA...}); a session's user id is {@code <roleId>:<session name>}
 * @param trustPolicyJson the role's {@code AssumeRolePolicyDocument}
 * @param maxSessionDurationSeconds the role's {@code MaxSessionDuration} (3600 unless set, at most 43200)
 * @param tags the role's tags
 */
public record AssumableRole(String name, String arn, String roleId, String trustPolicyJson, int maxSessionDurationSeconds,
                            Map<String, String> tags) {

    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public AssumableRole {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
