package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.auth.iam.policy.AuthorizationRequest;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyEvaluator;
import io.modyn.auth.iam.policy.PolicyKind;
import java.util.ArrayList;
import java.util.Map;

/**
 * Whether a role's trust policy lets this caller assume it (or tag the session): the trust policy
 * is the resource-based policy of the role, evaluated with the caller's own policies
 * ({@link CallerPolicies}) by AWS's logic ({@link PolicyEvaluator}): an explicit Deny anywhere
 * refuses; a trust statement naming the caller's ARN (or a role session's role, or {@code "*"})
 * allows by itself; one naming the caller's account allows when the caller's identity-based
 * policies allow too. The condition keys STS supplies are set: {@code sts:RoleSessionName},
 * {@code sts:ExternalId}, {@code sts:SourceIdentity}, {@code aws:RequestTag/...},
 * {@code aws:TagKeys}, {@code aws:userid}, {@code aws:SourceIp} (the caller's principal tags are
 * the {@link CallerPolicies}' business, as its identity policies are). A trust policy that no longer parses trusts no one.
 */
final class TrustCheck {

    private final CallerPolicies callerPolicies;

    TrustCheck(CallerPolicies callerPolicies) {
        this.callerPolicies = callerPolicies;
    }

    /**
     * @param roleOfCaller the caller's role's ARN when the caller is a role session, else null
     * @param tags the new session's tags (aws:RequestTag), possibly none
     */
    boolean allows(Principal caller, String roleOfCaller, Map<String, String> tags, String action, AssumableRole role,
                   String sessionName, String externalId, String sourceIdentity, ProtocolRequest request) {
        PolicyDocument trust;
        try {
            trust = PolicyDocument.parse(role.trustPolicyJson(), PolicyKind.TRUST);
        } catch (MalformedPolicyException e) {
            return false;
        }
        AuthorizationRequest.Builder question = AuthorizationRequest.builder()
                .principal(caller.arn())
                .account(caller.accountId())
                .action(action)
                .resource(role.arn())
                .context("sts:RoleSessionName", sessionName);
        if (roleOfCaller != null) question.role(roleOfCaller);
        if (caller.userId() != null) question.context("aws:userid", caller.userId());
        if (externalId != null) question.context("sts:ExternalId", externalId);
        if (sourceIdentity != null) question.context("sts:SourceIdentity", sourceIdentity);
        if (request.clientAddress() != null && request.clientAddress().getAddress() != null) {
            question.context("aws:SourceIp", request.clientAddress().getAddress().getHostAddress());
        }
        if (!tags.isEmpty()) {
            tags.forEach((key, value) -> question.context("aws:RequestTag/" + key, value));
            question.context("aws:TagKeys", new ArrayList<>(tags.keySet()));
        }
        return PolicyEvaluator.evaluate(question.build(), callerPolicies.of(caller).withResourcePolicy(trust)).isAllowed();
    }
}
