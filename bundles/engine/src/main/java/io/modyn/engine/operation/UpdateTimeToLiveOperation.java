package io.modyn.engine.operation;

import io.modyn.api.dynamodb.TimeToLiveSpecification;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.model.TimeToLiveDescription;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.write.ItemWriter;

/**
 * UpdateTimeToLive: turns TTL on for an attribute, or off. As in DynamoDB, neither is idempotent
 * (enabling an enabled table or disabling a disabled one is an error), the attribute can only be
 * changed by disabling first, and the answer echoes the specification sent. The change applies at
 * once (DynamoDB reports ENABLED/DISABLED at once too); DynamoDB's one-hour limit on changing the
 * setting again is not imposed.
 */
public final class UpdateTimeToLiveOperation {

    private static final int MAX_ATTRIBUTE_NAME_LENGTH = 255;

    public UpdateTimeToLiveOperation(EngineSettings settings, ItemWriter writer) {
        // Neither is needed: the setting lives in the table definition.
    }

    public UpdateTimeToLiveResponse execute(UpdateTimeToLiveRequest request, StorageBinding.Bound bound, AccessCheck access) {
        TimeToLiveSpecification spec = request.timeToLiveSpecification();
        ConstraintViolations v = RequestRules.tableOperationName(request.tableName());
        v.notNull("timeToLiveSpecification", spec);
        if (spec != null) {
            v.notNull("timeToLiveSpecification.enabled", spec.enabled());
            v.notNull("timeToLiveSpecification.attributeName", spec.attributeName());
            v.lengthAtLeast("timeToLiveSpecification.attributeName", spec.attributeName(), 1);
            v.lengthAtMost("timeToLiveSpecification.attributeName", spec.attributeName(), MAX_ATTRIBUTE_NAME_LENGTH);
        }
        v.throwIfAny();
        access.require(arns -> ControlPlaneAccess.updateTimeToLive(arns, request.tableName()));
        TableDefinition table = bound.catalog().requireForControl(request.tableName());
        TimeToLiveDescription current = table.timeToLive();
        boolean enabled = TimeToLiveDescription.ENABLED.equals(current.timeToLiveStatus());
        if (enabled && !current.attributeName().equals(spec.attributeName())) {
            throw DynamoException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                    + current.attributeName());
        }
        if (enabled && spec.enabled()) throw DynamoException.validation("TimeToLive is already enabled");
        if (!enabled && !spec.enabled()) throw DynamoException.validation("TimeToLive is already disabled");
        TimeToLiveDescription updated = spec.enabled()
                ? new TimeToLiveDescription(TimeToLiveDescription.ENABLED, spec.attributeName())
                : new TimeToLiveDescription(TimeToLiveDescription.DISABLED, null);
        bound.catalog().update(table, table.toBuilder().timeToLive(updated).build());
        return new UpdateTimeToLiveResponse(new TimeToLiveSpecification(spec.enabled(), spec.attributeName()));
    }
}
