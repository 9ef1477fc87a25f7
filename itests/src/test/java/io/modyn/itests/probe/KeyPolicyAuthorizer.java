package io.modyn.itests.probe;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.List;
import java.util.Optional;

/**
 * A third-party authorizer that only knows KMS's rule in its crudest form: a request on a key is
 * allowed when the key's required resource policy names the account root, or names the caller's
 * ARN. Everything else (DynamoDB, actions on no key) is allowed. Enough to show that the kms bundle
 * asks a bound authorizer with the key policy and answers its denial in KMS's form; the real
 * evaluation is auth-iam's.
 */
public final class KeyPolicyAuthorizer implements Authorizer {

    private static final String ROOT = "arn:aws:iam::000000000000:root";

    @Override
    public void authorize(RequestContext context, List<AuthorizationRequest> requests, ResourceTags resourceTags,
                          ResourcePolicies resourcePolicies) {
        String caller = context.principal() == null ? ROOT : context.principal().arn();
        for (AuthorizationRequest request : requests) {
            if (!request.action().startsWith("kms:") || !request.resource().startsWith("arn:aws:kms:")) {
                continue;
            }
            Optional<ResourcePolicy> policy = resourcePolicies.of(request.resource());
            boolean allowed = policy.isPresent() && policy.get().required()
                    && (policy.get().document().contains("\"" + ROOT + "\"") || policy.get().document().contains("\"" + caller + "\""));
            if (!allowed) {
                throw new DynamoException(ErrorType.ACCESS_DENIED, "User: " + caller + " is not authorized to perform: " + request.action()
                        + " on resource: " + request.resource() + " because no resource-based policy allows the " + request.action() + " action");
            }
        }
    }
}
