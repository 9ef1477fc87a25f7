package io.modyn.auth.iam.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A temporary-credentials session as stored, without its secret (sealed) or token (hashed): the key
 * id ({@code ASIA...}), who it acts as and what it was granted with.
 *
 * @param kind what issued it: {@code AssumeRole} (a role session) or {@code GetSessionToken} (a
 *        user's or the root's own session)
 * @param arn the session's principal: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>},
 *        or the user's (root's) own ARN for {@code GetSessionToken}
 * @param userId IAM's {@code aws:userid}: {@code <role id>:<session name>}, the user's id, or the account id
 * @param sourceName the role's name, the user's name, or null for the root
 * @param sourceArn the role's ARN, the user's ARN, or the root's ARN
 * @param policy the inline session policy as passed (JSON), or null
 * @param policyArns the managed session policies' ARNs as passed, possibly none
 * @param tags the session tags (inherited transitive tags first), possibly none
 * @param transitiveTagKeys the tag keys that pass on to sessions this session assumes
 * @param sourceIdentity {@code SourceIdentity} as set (or inherited), or null
 */
public record Session(String accessKeyId, Kind kind, String accountId, String arn, String userId, String sourceName,
                      String sourceArn, Instant issued, Instant expiration, String policy, List<String> policyArns,
                      Map<String, String> tags, List<String> transitiveTagKeys, String sourceIdentity) {

    /** Which STS action issued a session. */
    public enum Kind { ASSUMED_ROLE, SESSION_TOKEN }

    public Session {
        policyArns = List.copyOf(policyArns);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
    }

    public boolean isRoleSession() {
        return kind == Kind.ASSUMED_ROLE;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiration);
    }
}
