package io.modyn.auth.iam.sts;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryError;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.Map;

/**
 * STS {@code GetCallerIdentity}: who signed this request. Needs no permission, as in AWS. Members
 * in AWS's order: {@code Arn}, {@code UserId}, {@code Account}. For the account root the user id is
 * the account id, as AWS reports it; IAM users (whose user id is their unique {@code AIDA...} id)
 * come with the IAM API.
 */
final class GetCallerIdentity implements QueryAction {

    static final String NAME = "GetCallerIdentity";

    @Override
    public void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result) {
        Principal caller = request.principal();
        if (caller == null) {
            // Registered only while requests are authenticated; a call in the gap of a reconfiguration has no caller.
            throw new QueryError(true, "MissingAuthenticationToken", "Request is missing Authentication Token", 403);
        }
        result.element("Arn", caller.arn()).element("UserId", userId(caller)).element("Account", caller.accountId());
    }

    static String userId(Principal caller) {
        return caller.arn().endsWith(":root") ? caller.accountId() : caller.accessKeyId();
    }
}
