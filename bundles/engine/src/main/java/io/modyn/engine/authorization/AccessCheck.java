package io.modyn.engine.authorization;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.throttle.ThrottleMeter;
import java.util.List;
import java.util.function.Function;

/**
 * One request's gate to the {@link Authorizer}: an operation calls {@link #require} once, after
 * its validation and before it reads or writes storage, with the function (one of the
 * {@code *Access} tables of this package) that lists what it needs. In open mode the function is
 * never called, so requests pay nothing for authorization when no authorizer is bound.
 */
public final class AccessCheck {

    /** No authorizer bound: everything is allowed. */
    public static final AccessCheck OPEN = new AccessCheck(null, null, null, null, null);

    private final Authorizer authorizer;
    private final RequestContext context;
    private final ResourceArns arns;
    private final ResourceTags resourceTags;
    private final ResourcePolicies resourcePolicies;

    AccessCheck(Authorizer authorizer, RequestContext context, ResourceArns arns, ResourceTags resourceTags,
                ResourcePolicies resourcePolicies) {
        this.authorizer = authorizer;
        this.context = context;
        this.arns = arns;
        this.resourceTags = resourceTags;
        this.resourcePolicies = resourcePolicies;
    }

    /** The request's context (its caller), or null for an open check; key services act on its behalf. */
    public RequestContext context() {
        return context;
    }

    /**
     * The table a data-plane operation names. When it does not exist, the caller is first asked
     * about the table itself (without item keys, which need the table's key schema): DynamoDB
     * answers a caller who may not use a table AccessDeniedException, not ResourceNotFoundException,
     * whether the table exists or not, so only callers allowed to use a table learn that it is
     * missing.
     */
    public TableDefinition requireTable(StorageBinding.Bound bound, String action, String tableName) {
        TableDefinition table = bound.catalog().find(tableName);
        if (table == null) {
            require(arns -> List.of(new AuthorizationRequest(action, arns.table(tableName))));
            table = bound.catalog().require(tableName);
        }
        // Every data-plane operation finds its table here: the one place throttling admits it.
        ThrottleMeter.admit(table, action);
        return table;
    }

    /**
     * Asks the authorizer about every request the operation needs, as a whole; its
     * AccessDeniedException propagates unchanged.
     */
    public void require(Function<ResourceArns, List<AuthorizationRequest>> requests) {
        if (authorizer == null) return;
        authorizer.authorize(context, requests.apply(arns), resourceTags, resourcePolicies);
    }
}
