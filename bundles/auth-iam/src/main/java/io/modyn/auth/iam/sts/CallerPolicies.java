package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.auth.iam.policy.PolicySet;
import java.util.List;

/**
 * The caller's side of {@code AssumeRole}'s decision: its identity-based policies (a user's, or a
 * role session's role's together with the session's policies), to which the role's trust policy
 * is added as the resource-based policy. A trust policy naming the caller (its ARN) suffices
 * alone, as in AWS within one account; one naming only the caller's account needs these policies
 * to allow {@code sts:AssumeRole} on the role too. {@link #NONE} has no policies: only a trust policy
 * that names the caller itself lets it in.
 */
@FunctionalInterface
public interface CallerPolicies {

    CallerPolicies NONE = caller -> PolicySet.of(List.of());

    PolicySet of(Principal caller);
}
