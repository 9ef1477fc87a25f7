package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;

/** DescribeTable: the definition plus the item count and size that storage reports. */
public final class DescribeTableOperation {

    private final EngineSettings settings;

    public DescribeTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public DescribeTableResponse execute(DescribeTableRequest request, StorageBinding.Bound bound, AccessCheck access) {
        RequestRules.tableOperationName(request.tableName()).throwIfAny();
        access.require(arns -> ControlPlaneAccess.describeTable(arns, request.tableName()));
        TableDefinition table = bound.catalog().requireForControl(request.tableName());
        return new DescribeTableResponse(TableDescriptions.describe(table, table.tableStatus(), bound, settings));
    }
}
