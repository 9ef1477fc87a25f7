package io.modyn.engine.operation;

import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyResponse;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.policy.CanonicalPolicy;
import io.modyn.engine.policy.PolicyDocumentRules;
import io.modyn.engine.policy.PolicyTarget;
import io.modyn.engine.policy.ResourcePolicyStore;
import io.modyn.engine.validation.ConstraintViolations;
import java.time.Clock;

/**
 * PutResourcePolicy: attaches a policy to a table or stream, optionally only over the revision the
 * client expects ({@code NO_POLICY}: over none). The request is checked whole (ARN, members, the
 * document) before the resource is looked up. The policy is stored in its canonical form, and a
 * document equivalent to the current one changes nothing (same revision id).
 *
 * <p>Unlike DynamoDB's, a change is visible and applies at once, and the next change need not wait:
 * DynamoDB reads and enforces policies eventually and refuses further changes to a resource's
 * policy for 15 seconds (ResourceInUseException, then ThrottlingException "modified within the
 * previous 15000 milliseconds"), a window that protects its propagation, which Modyn does not have.
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
        CanonicalPolicy policy = PolicyDocumentRules.check(request.policy(), target.isStream());
        access.require(arns -> ControlPlaneAccess.putResourcePolicy(arns, request.resourceArn()));
        ResourcePolicyStore.Resource resource = ResourcePolicyStore.resolve(bound, target);
        return new PutResourcePolicyResponse(
                ResourcePolicyStore.put(bound, resource, policy, request.expectedRevisionId(), clock.millis()));
    }
}
