package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DeleteTableResponse;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.index.ItemCollections;
import io.modyn.engine.control.TableOptions;
import io.modyn.engine.policy.ResourcePolicyStore;

/** DeleteTable: the definition goes first (the name is free at once), then the table's data. */
public final class DeleteTableOperation {

    private final EngineSettings settings;

    public DeleteTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public DeleteTableResponse execute(DeleteTableRequest request, StorageBinding.Bound bound, AccessCheck access) {
        RequestRules.tableOperationName(request.tableName()).throwIfAny();
        access.require(arns -> ControlPlaneAccess.deleteTable(arns, request.tableName()));
        TableDefinition table = bound.catalog().requireForControl(request.tableName());
        TableOptions.checkDeletable(table);
        var description = TableDescriptions.describe(table, TableDefinition.DELETING, bound, settings);
        bound.catalog().delete(table.tableName());
        if (ItemCollections.tracked(table)) bound.storage().dropKeyspace(ItemCollections.keyspace(table));
        ResourcePolicyStore.removeTablePolicy(bound.storage(), table);
        return new DeleteTableResponse(description);
    }
}
