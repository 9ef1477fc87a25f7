package io.modyn.auth.iam.sts;

import java.util.Optional;

/**
 * The roles {@code AssumeRole} can assume, found by ARN: the seam to the role store, which the
 * component wires. {@link #NONE} knows no role, so every {@code AssumeRole} is refused as AWS
 * refuses one for a role that does not exist (AccessDenied, not NoSuchEntity).
 */
@FunctionalInterface
public interface AssumableRoles {

    AssumableRoles NONE = roleArn -> Optional.empty();

    /** @return the role with exactly this ARN ({@code arn:aws:iam::<account>:role<path><name>}), if it exists */
    Optional<AssumableRole> find(String roleArn);
}
