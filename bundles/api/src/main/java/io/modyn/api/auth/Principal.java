package io.modyn.api.auth;

/**
 * Who sent a request, as established by an {@link Authenticator}.
 *
 * @param accountId the twelve-digit account the caller belongs to
 * @param arn the caller's ARN (user, role session or root)
 * @param accessKeyId the access key the request was signed with
 * @param userId the caller's unique id, IAM's {@code aws:userid}: the account id for the root, the
 *        user's id ({@code AIDA...}) for a user, {@code <role id>:<session name>} for a role session
 */
public record Principal(String accountId, String arn, String accessKeyId, String userId) {
}
