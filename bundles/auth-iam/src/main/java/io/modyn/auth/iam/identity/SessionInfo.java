package io.modyn.auth.iam.identity;

import io.modyn.auth.iam.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * What authorization needs to know of a request signed with temporary credentials: the session
 * (whose role or user it acts as, its tags, ...) and its inline session policy, parsed once.
 *
 * <p>Session policies narrow a session: when {@link #hasSessionPolicies()} the authorizer evaluates
 * with {@code PolicySet.withSessionPolicies(...)}, the list being {@link #sessionPolicies()} plus the
 * managed policies named by {@code session().policyArns()} (which the authorizer resolves, as it
 * resolves a role's attached policies); otherwise with none ({@code PolicySet} without session
 * policies). A session from {@code GetSessionToken} never has any.
 *
 * @param sessionPolicies the inline session policy ({@code Policy}), parsed; empty if none was passed
 */
public record SessionInfo(Session session, List<PolicyDocument> sessionPolicies) {

    public SessionInfo {
        sessionPolicies = List.copyOf(sessionPolicies);
    }

    /** Whether the session was created with session policies (inline or managed). */
    public boolean hasSessionPolicies() {
        return !sessionPolicies.isEmpty() || !session.policyArns().isEmpty();
    }

    /** The role's name for a role session, the user's for a user's session; null for the root's. */
    public String name() {
        return session.sourceName();
    }

    /** The role's ARN for a role session (the {@code roleArn} of an authorization request); else null. */
    public String roleArn() {
        return session.isRoleSession() ? session.sourceArn() : null;
    }

    public Map<String, String> tags() {
        return session.tags();
    }
}
