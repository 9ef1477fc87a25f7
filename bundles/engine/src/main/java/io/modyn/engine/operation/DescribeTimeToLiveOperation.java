package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveResponse;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.write.ItemWriter;

/** DescribeTimeToLive: ENABLED with the attribute, or DISABLED without one (as DynamoDB, which forgets it). */
public final class DescribeTimeToLiveOperation {

    public DescribeTimeToLiveOperation(EngineSettings settings, ItemWriter writer) {
        // Neither is needed: the setting lives in the table definition.
    }

    public DescribeTimeToLiveResponse execute(DescribeTimeToLiveRequest request, StorageBinding.Bound bound, AccessCheck access) {
        RequestRules.tableOperationName(request.tableName()).throwIfAny();
        access.require(arns -> ControlPlaneAccess.describeTimeToLive(arns, request.tableName()));
        return new DescribeTimeToLiveResponse(bound.catalog().requireForControl(request.tableName()).timeToLive());
    }
}
