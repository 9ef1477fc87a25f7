package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.auth.iam.identity.Session;
import io.modyn.auth.iam.identity.SessionInfo;
import io.modyn.auth.iam.identity.SessionStore;
import io.modyn.auth.iam.identity.SessionStore.Grant;
import io.modyn.auth.iam.identity.SessionStore.NewSession;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * STS {@code AssumeRole}: temporary credentials of a role session
 * ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, user id {@code <role id>:<session>}).
 * In AWS's order of checks: the members' constraints; the root may not assume roles; the role must
 * exist and trust the caller ({@link TrustCheck}; an unknown role is refused exactly like an
 * untrusting one, so that callers cannot probe for role names); then the duration: at most the
 * role's {@code MaxSessionDuration}, and one hour when a role session assumes a role (chaining).
 *
 * <p>Session tags need {@code sts:TagSession} in the trust policy too. A role session's transitive
 * tags pass on to the sessions it assumes and cannot be overridden; its source identity passes on.
 * Session policies (inline {@code Policy}, managed {@code PolicyArns}) are stored with the session
 * for the authorizer; {@code PackedPolicySize} is their share, with the tags', of the 2048
 * characters AWS allows, without whitespace: an approximation of AWS's packed (compressed) size.
 */
final class AssumeRole implements QueryAction {

    static final String NAME = "AssumeRole";
    static final int MIN_SECONDS = 900;
    static final int MAX_SECONDS = 43_200;
    static final int DEFAULT_SECONDS = 3600;
    static final int CHAINED_MAX_SECONDS = 3600;
    static final int PACKED_LIMIT = 2048;

    private final SessionStore sessions;
    private final Function<String, Optional<SessionInfo>> callerSessions;
    private final AssumableRoles roles;
    private final TrustCheck trust;

    /** @param callerSessions the session a temporary access key id belongs to */
    AssumeRole(SessionStore sessions, Function<String, Optional<SessionInfo>> callerSessions, AssumableRoles roles,
               CallerPolicies callerPolicies) {
        this.sessions = sessions;
        this.callerSessions = callerSessions;
        this.roles = roles;
        this.trust = new TrustCheck(callerPolicies);
    }

    @Override
    public void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result) {
        Principal caller = StsErrors.caller(request);
        StsParameters p = new StsParameters(parameters);
        String roleArn = p.roleArn();
        String sessionName = p.roleSessionName();
        String policy = p.policy();
        List<String> policyArns = p.policyArns();
        Map<String, String> tags = p.tags();
        List<String> transitive = p.transitiveTagKeys();
        String externalId = p.externalId();
        String sourceIdentity = p.sourceIdentity();
        int seconds = p.durationSeconds(MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS);
        if (policy != null) {
            try {
                PolicyDocument.parse(policy, PolicyKind.IDENTITY);
            } catch (MalformedPolicyException e) {
                throw StsErrors.malformedPolicy(e.getMessage());
            }
        }
        if (caller.arn().endsWith(":root")) {
            throw StsErrors.accessDenied("Roles may not be assumed by root accounts.");
        }
        Session callerSession = callerSessions.apply(caller.accessKeyId()).map(SessionInfo::session).orElse(null);
        Map<String, String> inherited = inheritedTags(callerSession);
        for (String key : tags.keySet()) {
            if (inherited.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) {
                throw StsErrors.validation("One or more keys in the session tags conflict with keys in the transitive tags "
                        + "of the calling session: " + key);
            }
        }
        if (sourceIdentity != null && callerSession != null && callerSession.sourceIdentity() != null
                && !sourceIdentity.equals(callerSession.sourceIdentity())) {
            throw StsErrors.accessDenied("The source identity of the calling session cannot be changed.");
        }
        if (sourceIdentity == null && callerSession != null) sourceIdentity = callerSession.sourceIdentity();
        Map<String, String> sessionTags = new LinkedHashMap<>(inherited);
        sessionTags.putAll(tags);

        AssumableRole role = roles.find(roleArn).orElse(null);
        String roleOfCaller = callerSession != null && callerSession.isRoleSession() ? callerSession.sourceArn() : null;
        if (role == null || !trust.allows(caller, roleOfCaller, sessionTags, "sts:AssumeRole", role, sessionName, externalId, sourceIdentity, request)) {
            throw StsErrors.notAuthorized(caller.arn(), "sts:AssumeRole", roleArn);
        }
        if (!tags.isEmpty() && !trust.allows(caller, roleOfCaller, sessionTags, "sts:TagSession", role, sessionName, externalId,
                sourceIdentity, request)) {
            throw StsErrors.notAuthorized(caller.arn(), "sts:TagSession", roleArn);
        }
        if (roleOfCaller != null && seconds > CHAINED_MAX_SECONDS) {
            throw StsErrors.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (seconds > role.maxSessionDurationSeconds()) {
            throw StsErrors.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        boolean packed = policy != null || !policyArns.isEmpty() || !tags.isEmpty();
        int packedPercent = packedPercent(policy, policyArns, sessionTags);
        if (packedPercent > 100) throw StsErrors.packedPolicyTooLarge();

        List<String> transitiveKeys = new ArrayList<>(inherited.keySet());
        transitive.stream().filter(k -> !transitiveKeys.contains(k)).forEach(transitiveKeys::add);
        String account = accountOf(role.arn(), caller.accountId());
        String arn = "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + sessionName;
        String userId = role.roleId() + ":" + sessionName;
        NewSession session = sessions.create(new Grant(Session.Kind.ASSUMED_ROLE, account, arn, userId, role.name(), role.arn(),
                Duration.ofSeconds(seconds), policy, policyArns, sessionTags, transitiveKeys, sourceIdentity));

        if (sourceIdentity != null) result.element("SourceIdentity", sourceIdentity);
        result.start("AssumedRoleUser").element("AssumedRoleId", userId).element("Arn", arn).end();
        StsXml.credentials(result, session);
        if (packed) result.element("PackedPolicySize", Integer.toString(packedPercent));
    }

    /** The caller session's transitive tags, which its role sessions inherit. */
    private static Map<String, String> inheritedTags(Session callerSession) {
        Map<String, String> inherited = new LinkedHashMap<>();
        if (callerSession == null || !callerSession.isRoleSession()) return inherited;
        for (String key : callerSession.transitiveTagKeys()) {
            callerSession.tags().forEach((k, v) -> {
                if (k.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) inherited.put(k, v);
            });
        }
        return inherited;
    }

    static int packedPercent(String policy, List<String> policyArns, Map<String, String> tags) {
        int size = policy == null ? 0 : withoutWhitespace(policy).length();
        for (String arn : policyArns) size += arn.length();
        for (Map.Entry<String, String> tag : tags.entrySet()) size += tag.getKey().length() + tag.getValue().length();
        return (size * 100 + PACKED_LIMIT - 1) / PACKED_LIMIT;
    }

    /** The JSON text without whitespace outside strings. */
    private static String withoutWhitespace(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) out.append(json.charAt(++i));
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String accountOf(String roleArn, String fallback) {
        String[] parts = roleArn.split(":", 6);
        return parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : fallback;
    }
}
