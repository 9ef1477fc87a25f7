package io.modyn.export.job;

import io.modyn.api.auth.Principal;
import io.modyn.api.dynamodb.RequestContext;
import java.util.UUID;

/**
 * The context a job's own reads and writes run in. The caller's permission (ExportTableToPointInTime,
 * ImportTable) was checked when the job started; afterwards the job acts as the DynamoDB service
 * does, on the account's behalf: as the account's root, which an identity-based policy cannot
 * narrow (a resource-based policy on the table still can). Null account: open mode, no principal.
 */
public final class JobContexts {

    private JobContexts() {
    }

    public static RequestContext of(String accountId) {
        String requestId = UUID.randomUUID().toString();
        if (accountId == null) return new RequestContext(requestId, null);
        return new RequestContext(requestId, new Principal(accountId, "arn:aws:iam::" + accountId + ":root", null, accountId));
    }
}
