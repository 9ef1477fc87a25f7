package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.HolderKind;
import io.modyn.auth.iam.identity.IdentityException;
import io.modyn.auth.iam.identity.IdentityPolicies;
import io.modyn.auth.iam.identity.IdentityPolicies.Source;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.policy.AuthorizationRequest;
import io.modyn.auth.iam.policy.Decision;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyEvaluator;
import io.modyn.auth.iam.policy.PolicyKind;
import io.modyn.auth.iam.policy.PolicySet;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SimulatePrincipalPolicy: the policies of a user (with its groups'), group or role, plus any given
 * in PolicyInputList, evaluated by the same {@link PolicyEvaluator} the authorizer uses, for every
 * action and resource asked about. Read fresh from storage, not through the request path's cache,
 * so a change shows at once. MatchedStatements names each policy that decided on its own (the
 * policies that deny for an explicit deny, those that allow for allowed), without positions.
 */
final class SimulationActions {

    private final PolicyStore store;
    private final IdentityPolicies policies;

    SimulationActions(PolicyStore store) {
        this.store = store;
        this.policies = new IdentityPolicies(store, Duration.ZERO, System::nanoTime);
    }

    void simulatePrincipalPolicy(IamParameters common, Caller caller, QueryXmlWriter result) {
        PolicyParameters parameters = new PolicyParameters(common);
        String sourceArn = parameters.arn("PolicySourceArn", "policySourceArn");
        List<String> inputs = parameters.list("PolicyInputList", "policyInputList", 1, 131072);
        List<String> actions = parameters.list("ActionNames", "actionNames", 3, 128);
        if (actions.isEmpty()) throw IamErrors.constraint("actionNames", null, "Member must not be null");
        List<String> resources = parameters.list("ResourceArns", "resourceArns", 1, 2048);
        Map<String, List<String>> context = parameters.contextEntries();
        common.marker();
        common.maxItems();

        Holder holder = holder(sourceArn);
        if (!store.holders().exists(holder.kind(), holder.name())) throw PolicyStore.noSuchHolder(holder.kind(), holder.name());
        List<Source> sources = new ArrayList<>(policies.sources(holder.kind(), holder.name()));
        for (int i = 0; i < inputs.size(); i++) {
            try {
                sources.add(new Source("PolicyInputList." + (i + 1), "none", PolicyDocument.parse(inputs.get(i), PolicyKind.IDENTITY)));
            } catch (MalformedPolicyException e) {
                throw new IdentityException(IdentityException.Reason.INVALID_INPUT, e.getMessage());
            }
        }
        PolicySet all = PolicySet.of(sources.stream().map(Source::document).toList());

        result.start("EvaluationResults");
        for (String action : actions) {
            for (String resource : resources.isEmpty() ? List.of("*") : resources) {
                AuthorizationRequest.Builder request = AuthorizationRequest.builder()
                        .principal(sourceArn).account(store.accountId()).action(action).resource(resource);
                if (holder.kind() == HolderKind.USER) request.context("aws:username", holder.name());
                AuthorizationRequest built = request.context(context).build();
                Decision decision = PolicyEvaluator.evaluate(built, all);
                result.start("member")
                        .element("EvalActionName", action)
                        .element("EvalResourceName", resource)
                        .element("EvalDecision", decisionName(decision));
                result.start("MatchedStatements");
                if (decision != Decision.NO_IDENTITY_POLICY_ALLOWS) {
                    for (Source source : sources) {
                        if (PolicyEvaluator.evaluate(built, PolicySet.of(List.of(source.document()))) == decision) {
                            result.start("member")
                                    .element("SourcePolicyId", source.id())
                                    .element("SourcePolicyType", source.type())
                                    .end();
                        }
                    }
                }
                result.end();
                result.start("MissingContextValues").end();
                result.end();
            }
        }
        result.end().element("IsTruncated", "false");
    }

    private static String decisionName(Decision decision) {
        return switch (decision) {
            case ALLOWED -> "allowed";
            case EXPLICIT_DENY_IDENTITY_POLICY, EXPLICIT_DENY_RESOURCE_POLICY, EXPLICIT_DENY_SESSION_POLICY -> "explicitDeny";
            case NO_IDENTITY_POLICY_ALLOWS, NO_SESSION_POLICY_ALLOWS, NO_RESOURCE_POLICY_ALLOWS -> "implicitDeny";
        };
    }

    private record Holder(HolderKind kind, String name) {
    }

    /** The user, group or role an ARN of this account names ({@code arn:aws:iam::<account>:user/<path>/<name>}). */
    private Holder holder(String arn) {
        String[] parts = arn.split(":", 6);
        int slash = parts.length == 6 ? parts[5].indexOf('/') : -1;
        HolderKind kind = slash > 0 ? HolderKind.ofArnType(parts[5].substring(0, slash)) : null;
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || !parts[4].equals(store.accountId()) || kind == null) {
            throw new IdentityException(IdentityException.Reason.INVALID_INPUT, "Invalid ARN: " + arn);
        }
        return new Holder(kind, parts[5].substring(parts[5].lastIndexOf('/') + 1));
    }
}
