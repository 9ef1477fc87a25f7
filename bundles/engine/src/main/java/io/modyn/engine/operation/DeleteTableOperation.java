package io.modyn.engine.operation;

import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DeleteTableResponse;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;

/** DeleteTable: the definition goes first (the name is free at once), then the table's data. */
public final class DeleteTableOperation {

    private final EngineSettings settings;

    public DeleteTableOperation(EngineSettings settings) {
        this.settings = settings;
    }

    public DeleteTableResponse execute(DeleteTableRequest request, StorageBinding.Bound bound) {
        RequestRules.tableName(request.tableName()).throwIfAny();
        TableDefinition table = bound.catalog().requireForControl(request.tableName());
        var description = TableDescriptions.describe(table, TableDefinition.DELETING, bound, settings);
        bound.catalog().delete(table.tableName());
        return new DeleteTableResponse(description);
    }
}
