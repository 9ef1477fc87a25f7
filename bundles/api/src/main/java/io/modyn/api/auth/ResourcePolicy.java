package io.modyn.api.auth;

import java.util.Objects;

/**
 * A resource-based policy attached to a resource, as its owner stored it.
 *
 * @param document the policy document (IAM policy JSON with {@code Principal} elements)
 * @param required whether access to the resource needs this policy's allow. DynamoDB's table and
 *        stream policies are not required (within the account an identity-based allow suffices);
 *        KMS key policies are: an identity-based allow counts only where the key policy allows the
 *        account root ({@code arn:aws:iam::<account>:root}), and a principal the key policy names
 *        needs no identity-based allow
 */
public record ResourcePolicy(String document, boolean required) {

    public ResourcePolicy {
        Objects.requireNonNull(document, "document");
    }
}
