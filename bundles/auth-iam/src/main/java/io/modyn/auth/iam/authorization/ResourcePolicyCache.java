package io.modyn.auth.iam.authorization;

import io.modyn.api.auth.ResourcePolicy;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Resource-based policies as the evaluator needs them, parsed once per distinct document: the owner
 * of a resource hands the authorizer the policy's JSON with every request, and parsing it each time
 * would cost more than the decision. The same document always gives the same {@link PolicyDocument}
 * instance, which the decision cache keys by; a changed document is a new entry. Bounded: cleared
 * when full, which only costs re-parsing.
 */
final class ResourcePolicyCache {

    /** A parsed policy; {@code document} is null when the stored JSON does not parse (it then grants nothing). */
    record Compiled(PolicyDocument document, boolean required) {
    }

    private static final Logger LOG = Logger.getLogger(ResourcePolicyCache.class.getName());

    private final ConcurrentHashMap<ResourcePolicy, Compiled> parsed = new ConcurrentHashMap<>();
    private final int maxEntries;

    ResourcePolicyCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Compiled of(ResourcePolicy policy) {
        Compiled compiled = parsed.get(policy);
        if (compiled != null) {
            return compiled;
        }
        if (parsed.size() >= maxEntries) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(policy, ResourcePolicyCache::compile);
    }

    private static Compiled compile(ResourcePolicy policy) {
        try {
            return new Compiled(PolicyDocument.parse(policy.document(), PolicyKind.RESOURCE), policy.required());
        } catch (MalformedPolicyException e) {
            // Stored policies were validated when they were put; one that no longer parses allows nothing.
            LOG.warning(() -> "A resource-based policy does not parse and is treated as allowing nothing: " + e.getMessage());
            return new Compiled(null, policy.required());
        }
    }
}
