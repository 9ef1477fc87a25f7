package io.modyn.engine.control;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import java.util.List;

/**
 * TableClass and DeletionProtectionEnabled on CreateTable and UpdateTable, and CreateTable's Tags
 * (checked here, before the table exists; stored by {@link TableTags#storeOnCreate} once it does).
 * Both settings apply at once: a table class changes no storage layout in Modyn, and deletion
 * protection is a flag DeleteTable reads.
 */
public final class TableOptions {

    /** In the order DynamoDB lists them in its enum message. */
    private static final List<String> TABLE_CLASSES = List.of(TableDefinition.STANDARD, "STANDARD_INFREQUENT_ACCESS");

    private TableOptions() {
    }

    public static TableDefinition forCreate(TableDefinition table, CreateTableRequest request) {
        checkTableClass(request.tableClass());
        if (request.tags() != null) TagRules.checkTags(request.tags());
        return table.toBuilder()
                .tableClass(request.tableClass())
                .deletionProtectionEnabled(Boolean.TRUE.equals(request.deletionProtectionEnabled()))
                .build();
    }

    /** The table with the request's class and protection applied; members the request leaves out stay as they are. */
    public static TableDefinition forUpdate(TableDefinition table, UpdateTableRequest request) {
        checkTableClass(request.tableClass());
        TableDefinition.Builder updated = table.toBuilder();
        if (request.tableClass() != null) updated.tableClass(request.tableClass());
        if (request.deletionProtectionEnabled() != null) updated.deletionProtectionEnabled(request.deletionProtectionEnabled());
        return updated.build();
    }

    /** DeleteTable is refused while deletion protection is on. */
    public static void checkDeletable(TableDefinition table) {
        if (table.deletionProtectionEnabled()) {
            throw DynamoException.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
    }

    private static void checkTableClass(String tableClass) {
        if (tableClass != null && !TABLE_CLASSES.contains(tableClass)) {
            throw DynamoException.validation("Invalid table-class parameter provided. Please try again with a valid table-class value: "
                    + TABLE_CLASSES + ".");
        }
    }
}
