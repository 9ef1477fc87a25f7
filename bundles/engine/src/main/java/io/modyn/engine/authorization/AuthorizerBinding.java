package io.modyn.engine.authorization;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.engine.StorageBinding;

/**
 * The authorizer the engine currently asks, if any. Like storage, it is bound and unbound while the
 * server runs (an auth bundle can be stopped, updated or swapped); while none is bound every
 * operation is allowed (open mode, which the protocol allows only on a loopback address).
 */
public final class AuthorizerBinding {

    private volatile Authorizer authorizer;

    public void bind(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Unbinds the authorizer if it is the one bound; a stale unbind after a newer bind is ignored. */
    public synchronized void unbind(Authorizer authorizer) {
        if (this.authorizer == authorizer) this.authorizer = null;
    }

    /**
     * The check for one request, against the authorizer bound now (it stays the same for the whole
     * request); resource tags and resource-based policies are read from {@code storage} if the
     * authorizer asks for them.
     */
    public AccessCheck forRequest(RequestContext context, ResourceArns arns, StorageBinding storage) {
        Authorizer current = authorizer;
        return current == null ? AccessCheck.OPEN : new AccessCheck(current, context, arns, new TableResourceTags(storage, arns),
                new TableResourcePolicies(storage, arns));
    }
}
