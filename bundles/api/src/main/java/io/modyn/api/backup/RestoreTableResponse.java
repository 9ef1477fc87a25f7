package io.modyn.api.backup;

import io.modyn.api.dynamodb.TableDescription;

/** The answer of RestoreTableFromBackup and RestoreTableToPointInTime: the new table, CREATING. */
public record RestoreTableResponse(TableDescription tableDescription) {
}
