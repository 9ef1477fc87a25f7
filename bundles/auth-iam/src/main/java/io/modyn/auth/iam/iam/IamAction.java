package io.modyn.auth.iam.iam;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.auth.iam.identity.IdentityException;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryError;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.Map;

/**
 * One IAM action: its body sees checked parameters and the caller, and the store's refusals
 * become IAM's errors here, in one place. Actions that return nothing have no Result element.
 */
final class IamAction implements QueryAction {

    @FunctionalInterface
    interface Body {
        void answer(IamParameters parameters, Caller caller, QueryXmlWriter result);
    }

    /** Who called: the account root, or the IAM user named in the caller's ARN. */
    record Caller(Principal principal) {
        boolean isRoot() {
            return principal.arn().endsWith(":root");
        }

        /** The caller's user name, or null for the root. */
        String userName() {
            return isRoot() ? null : principal.arn().substring(principal.arn().lastIndexOf('/') + 1);
        }
    }

    private final Body body;
    private final boolean hasResult;

    private IamAction(Body body, boolean hasResult) {
        this.body = body;
        this.hasResult = hasResult;
    }

    static IamAction withResult(Body body) {
        return new IamAction(body, true);
    }

    static IamAction withoutResult(Body body) {
        return new IamAction(body, false);
    }

    @Override
    public void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result) {
        if (request.principal() == null) {
            throw new QueryError(true, "MissingAuthenticationToken", "Request is missing Authentication Token", 403);
        }
        try {
            body.answer(new IamParameters(parameters), new Caller(request.principal()), result);
        } catch (IdentityException refusal) {
            throw IamErrors.of(refusal);
        } catch (StorageConflictException e) {
            throw IamErrors.concurrentModification();
        }
    }

    @Override
    public boolean hasResult() {
        return hasResult;
    }
}
