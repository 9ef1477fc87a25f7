package io.modyn.api.dynamodb;

/**
 * PutResourcePolicy: attaches {@code policy} to the table or stream {@code resourceArn} names.
 * Unset members are null.
 *
 * @param expectedRevisionId the revision the current policy must have, or {@code NO_POLICY} when
 *        there must be none
 * @param confirmRemoveSelfResourceAccess the caller's consent to a policy that would lock it out
 */
public record PutResourcePolicyRequest(String resourceArn, String policy, String expectedRevisionId,
                                       Boolean confirmRemoveSelfResourceAccess) {
}
