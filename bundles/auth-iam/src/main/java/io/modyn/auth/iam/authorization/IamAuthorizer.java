package io.modyn.auth.iam.authorization;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.auth.iam.policy.AccessDeniedMessage;
import io.modyn.auth.iam.policy.Decision;
import io.modyn.auth.iam.policy.PolicyEvaluator;
import io.modyn.auth.iam.policy.PolicySet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@link Authorizer} of {@code --auth iam}: IAM's policy evaluation for every action an
 * operation needs, the operation denied at the first denied action with AWS's AccessDeniedException
 * message.
 *
 * <ul>
 * <li>The account root ({@code arn:aws:iam::<account>:root}) may do everything, identity-based
 * policies do not apply to it; only a resource-based policy's explicit Deny stops it, and a
 * required one (a KMS key policy) must allow it, as for anyone.</li>
 * <li>Anyone else is judged by {@link PolicyEvaluator} over its {@link Caller}'s identity-based and
 * session policies (from {@link CallerPolicies}) and the resource's policy (from the
 * {@link ResourcePolicies} of the call): an explicit Deny anywhere wins, else an allow from an
 * identity-based policy or from a resource policy naming the caller.</li>
 * </ul>
 *
 * <p>Nothing is parsed per request: callers' policies come parsed, resource policies are parsed
 * once per document ({@link ResourcePolicyCache}). The evaluator's request carries the engine's
 * condition keys; the global keys are produced only if a policy tests them ({@link RequestKeys}).
 * Decisions over policies without conditions or variables are cached ({@link DecisionCache}).
 */
public final class IamAuthorizer implements Authorizer {

    static final int MAX_CACHED_DECISIONS = 65_536;
    static final int MAX_CACHED_RESOURCE_POLICIES = 4_096;
    static final long DECISION_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String region;
    private final CallerPolicies callers;
    private final Clock clock;
    private final DecisionCache decisions;
    private final ResourcePolicyCache resourcePolicyCache = new ResourcePolicyCache(MAX_CACHED_RESOURCE_POLICIES);

    /**
     * @param region the server's region, for the resource DynamoDB names in the message of an action
     *        on no particular resource ({@code arn:aws:dynamodb:<region>:<account>:table/*})
     * @param callers where callers' policies come from
     * @param clock for {@code aws:CurrentTime} and {@code aws:EpochTime}
     * @param nanoTime for the decision cache's expiry
     */
    public IamAuthorizer(String region, CallerPolicies callers, Clock clock, LongSupplier nanoTime) {
        this.region = region;
        this.callers = callers;
        this.clock = clock;
        this.decisions = new DecisionCache(MAX_CACHED_DECISIONS, DECISION_MAX_AGE_NANOS, nanoTime);
    }

    @Override
    public void authorize(RequestContext context, List<AuthorizationRequest> requests, ResourceTags resourceTags,
            ResourcePolicies resourcePolicies) {
        Principal principal = context.principal();
        if (principal == null) {
            // Only an authenticated request reaches here with --auth iam; fail closed if one does not.
            throw new DynamoException(ErrorType.ACCESS_DENIED, "The request is not authenticated");
        }
        boolean root = isRoot(principal);
        Caller caller = root ? Caller.ROOT : callers.of(principal);
        for (AuthorizationRequest request : requests) {
            Optional<ResourcePolicy> stored = resourcePolicies.of(request.resource());
            ResourcePolicyCache.Compiled resourcePolicy = stored.isPresent() ? resourcePolicyCache.of(stored.get()) : null;
            if (root && resourcePolicy == null) {
                continue;
            }
            Decision decision = decide(context, principal, root, caller, request, resourcePolicy, resourceTags);
            if (!decision.isAllowed()) {
                throw new DynamoException(ErrorType.ACCESS_DENIED, AccessDeniedMessage.of(decision, principal.arn(),
                        request.action(), messageResource(request, principal)));
            }
        }
    }

    /** The entries the decision cache holds now (for tests). */
    int cachedDecisions() {
        return decisions.size();
    }

    private Decision decide(RequestContext context, Principal principal, boolean root, Caller caller, AuthorizationRequest request,
            ResourcePolicyCache.Compiled resourcePolicy, ResourceTags resourceTags) {
        if (resourcePolicy != null && resourcePolicy.document() == null) {
            // A policy that does not parse grants nothing and denies nothing.
            if (resourcePolicy.required()) {
                return Decision.NO_RESOURCE_POLICY_ALLOWS;
            }
            resourcePolicy = null;
            if (root) {
                return Decision.ALLOWED;
            }
        }
        PolicySet policies = resourcePolicy == null ? caller.policies()
                : caller.policies().withResourcePolicy(resourcePolicy.document(), resourcePolicy.required());
        DecisionCache.Key key = null;
        if (!policies.isRequestDependent()) {
            key = new DecisionCache.Key(caller, principal.arn(), request.action(), request.resource(),
                    resourcePolicy == null ? null : resourcePolicy.document());
            Decision cached = decisions.get(key);
            if (cached != null) {
                return cached;
            }
        }
        io.modyn.auth.iam.policy.AuthorizationRequest question = io.modyn.auth.iam.policy.AuthorizationRequest.builder()
                .principal(principal.arn())
                .account(principal.accountId())
                .role(caller.roleArn())
                .action(request.action())
                .resource(request.resource())
                .context(request.conditionKeys())
                .resolver(new RequestKeys(context, caller, root, resourceTags, request.resource(), clock))
                .build();
        Decision decision = PolicyEvaluator.evaluate(question, policies);
        if (root && !decision.isExplicitDeny() && !resourcePolicy.required()) {
            // Identity-based policies do not apply to the root: only a resource policy's Deny stops it.
            decision = Decision.ALLOWED;
        }
        if (key != null) {
            decisions.put(key, decision);
        }
        return decision;
    }

    /** The account root's ARN, {@code arn:aws:iam::<account>:root}. */
    static boolean isRoot(Principal principal) {
        String arn = principal.arn();
        return arn.endsWith(":root") && arn.startsWith("arn:") && arn.contains(":iam::" + principal.accountId() + ":");
    }

    /**
     * DynamoDB names an action on no particular resource (ListTables, DescribeLimits, ...) as on
     * {@code arn:aws:dynamodb:<region>:<account>:table/*}; other services say {@code *}.
     */
    private String messageResource(AuthorizationRequest request, Principal principal) {
        if (request.resource().equals("*") && request.action().startsWith("dynamodb:")) {
            return "arn:aws:dynamodb:" + region + ":" + principal.accountId() + ":table/*";
        }
        return request.resource();
    }
}
