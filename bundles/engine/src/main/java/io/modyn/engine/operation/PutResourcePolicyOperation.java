package io.modyn.engine.operation;

import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyResponse;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.policy.PolicyDocumentRules;
import io.modyn.engine.policy.PolicyTarget;
import io.modyn.engine.policy.ResourcePolicyStore;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Clock;

/**
 * PutResourcePolicy: attaches a policy to a table or stream, optionally only over the revision the
 * client expects ({@code NO_POLICY}: over none). The request is checked whole (ARN, members, the
 * document) before the resource is looked up. Unlike DynamoDB, the policy applies at once
 * (DynamoDB's is eventually consistent and blocks further changes for 15 seconds).
 *
 * <p>ConfirmRemoveSelfResourceAccess is accepted and not consulted: refusing a policy that locks
 * its author out needs the policy evaluated, which the authorizer does, not the engine.
 */
public final class PutResourcePolicyOperation {

    private static final int MAX_REVISION_ID_LENGTH = 255;

    private final EngineSettings settings;
    private final Clock clock;

    public PutResourcePolicyOperation(EngineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public PutResourcePolicyResponse execute(PutResourcePolicyRequest request, StorageBinding.Bound bound, AccessCheck access) {
        PolicyTarget target = PolicyTarget.parse(request.resourceArn(), settings);
        new ConstraintViolations().notNull("policy", request.policy())
                .lengthAtLeast("expectedRevisionId", request.expectedRevisionId(), 1)
                .lengthAtMost("expectedRevisionId", request.expectedRevisionId(), MAX_REVISION_ID_LENGTH)
                .throwIfAny();
        PolicyDocumentRules.check(request.policy());
        access.require(arns -> ControlPlaneAccess.putResourcePolicy(arns, request.resourceArn()));
        ResourcePolicyStore.Resource resource = ResourcePolicyStore.resolve(bound, target);
        return new PutResourcePolicyResponse(
                ResourcePolicyStore.put(bound, resource, request.policy(), request.expectedRevisionId(), clock.millis()));
    }
}
