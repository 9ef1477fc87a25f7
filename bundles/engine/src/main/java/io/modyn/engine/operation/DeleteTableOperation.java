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
import io.modyn.engine.write.ItemWriter;

/** DeleteTable: the definition goes first (the name is free at once), then the table's data. */
public final class DeleteTableOperation {

    private final EngineSettings settings;
    private final ItemWriter writer;

    public DeleteTableOperation(EngineSettings settings) {
        this(settings, null);
    }

    /** A DeleteTable that tells the writer's hooks (change capture) of each deleted table. */
    public DeleteTableOperation(EngineSettings settings, ItemWriter writer) {
        this.settings = settings;
        this.writer = writer;
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
        if (writer != null) writer.tableDeleted(table, description.tableArn());
        return new DeleteTableResponse(description);
    }
}
