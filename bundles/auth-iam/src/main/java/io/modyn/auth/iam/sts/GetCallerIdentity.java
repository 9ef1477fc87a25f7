package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryError;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.Map;
import java.util.function.Function;

/**
 * STS {@code GetCallerIdentity}: who signed this request. Needs no permission, as in AWS. Members
 * in AWS's order: {@code Arn}, {@code UserId}, {@code Account}. For the account root the user id is
 * the account id, as AWS reports it; for an IAM user its unique {@code AIDA...} id; for a role
 * session {@code <role id>:<session name>}: the {@link Principal}'s user id, or, for a principal
 * without one, the user's id found from its ARN by {@code userIds}.
 */
final class GetCallerIdentity implements QueryAction {

    static final String NAME = "GetCallerIdentity";

    private final Function<String, String> userIds;

    /** @param userIds a user's unique id from its ARN, or null if unknown */
    GetCallerIdentity(Function<String, String> userIds) {
        this.userIds = userIds;
    }

    @Override
    public void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result) {
        Principal caller = request.principal();
        if (caller == null) {
            // Registered only while requests are authenticated; a call in the gap of a reconfiguration has no caller.
            throw new QueryError(true, "MissingAuthenticationToken", "Request is missing Authentication Token", 403);
        }
        result.element("Arn", caller.arn()).element("UserId", userId(caller)).element("Account", caller.accountId());
    }

    String userId(Principal caller) {
        if (caller.userId() != null) return caller.userId();
        if (caller.arn().endsWith(":root")) return caller.accountId();
        String userId = userIds.apply(caller.arn());
        return userId != null ? userId : caller.accessKeyId();
    }
}
