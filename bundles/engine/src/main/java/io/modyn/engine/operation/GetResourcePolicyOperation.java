package io.modyn.engine.operation;

import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.GetResourcePolicyResponse;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.policy.PolicyTarget;
import io.modyn.engine.policy.ResourcePolicyStore;

/** GetResourcePolicy: the policy of a table or stream, exactly as it was put, with its revision id. */
public final class GetResourcePolicyOperation {

    private final EngineSettings settings;

    public GetResourcePolicyOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public GetResourcePolicyResponse execute(GetResourcePolicyRequest request, StorageBinding.Bound bound, AccessCheck access) {
        PolicyTarget target = PolicyTarget.parse(request.resourceArn(), settings);
        access.require(arns -> ControlPlaneAccess.getResourcePolicy(arns, request.resourceArn()));
        ResourcePolicyStore.StoredPolicy policy = ResourcePolicyStore.require(bound.storage(), ResourcePolicyStore.resolve(bound, target));
        return new GetResourcePolicyResponse(policy.document(), policy.revisionId());
    }
}
