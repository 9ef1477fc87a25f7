package io.modyn.api.auth;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The tags of the resources an operation touches, for IAM's {@code aws:ResourceTag/<key>}
 * condition keys. Provided by the engine with each {@link Authorizer#authorize} call and read on
 * demand, so requests whose policies never test a resource tag pay nothing for them. Valid only
 * during that call.
 */
@ProviderType
public interface ResourceTags {

    /**
     * @param resourceArn the ARN of an {@link AuthorizationRequest}: a table's, or an index's or
     *        stream's (which carry their table's tags)
     * @return the tags by key; empty when the resource has none, does not exist (yet), or is
     *         {@code *}
     */
    Map<String, String> of(String resourceArn);
}
