package io.modyn.api.auth;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The resource-based policies of the resources an operation touches. Provided with each
 * {@link Authorizer#authorize} call by whoever owns the resources (the engine for tables and
 * streams, the kms bundle for keys) and read on demand. Valid only during that call.
 */
@ProviderType
public interface ResourcePolicies {

    /** For callers whose resources never carry a policy. */
    ResourcePolicies NONE = resourceArn -> Optional.empty();

    /**
     * @param resourceArn the ARN of an {@link AuthorizationRequest}: a table's or index's (governed
     *        by the table's policy), a stream's (by the stream's own policy), a key's
     * @return the policy that governs the resource; empty when it has none, does not exist (yet),
     *         or is {@code *}
     */
    Optional<ResourcePolicy> of(String resourceArn);
}
