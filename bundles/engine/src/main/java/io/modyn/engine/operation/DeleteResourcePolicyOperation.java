package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyResponse;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.policy.PolicyTarget;
import io.modyn.engine.policy.ResourcePolicyStore;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Clock;

/**
 * DeleteResourcePolicy: removes the policy of a table or stream, optionally only at the revision
 * the client expects, and answers the removed policy's revision id. A table's policy also governs
 * its indexes, so they lose it too. As DynamoDB's, it is idempotent: without a policy it succeeds,
 * answering no revision id, or the previous deletion's after one.
 */
public final class DeleteResourcePolicyOperation {

    private static final int MAX_REVISION_ID_LENGTH = 255;

    private final EngineSettings settings;
    private final Clock clock;

    public DeleteResourcePolicyOperation(EngineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public DeleteResourcePolicyResponse execute(DeleteResourcePolicyRequest request, StorageBinding.Bound bound, AccessCheck access) {
        PolicyTarget target = PolicyTarget.parse(request.resourceArn(), settings);
        new ConstraintViolations()
                .lengthAtLeast("expectedRevisionId", request.expectedRevisionId(), 1)
                .lengthAtMost("expectedRevisionId", request.expectedRevisionId(), MAX_REVISION_ID_LENGTH)
                .throwIfAny();
        access.require(arns -> ControlPlaneAccess.deleteResourcePolicy(arns, request.resourceArn()));
        ResourcePolicyStore.Resource resource = ResourcePolicyStore.resolve(bound, target);
        return new DeleteResourcePolicyResponse(ResourcePolicyStore.delete(bound.storage(), resource, request.expectedRevisionId(), clock.millis()));
    }
}
