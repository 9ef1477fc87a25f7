package io.modyn.backup.catalog;

import java.time.Instant;

/**
 * A table's point-in-time recovery: its table (by id, so a table created again under the name is
 * not mistaken for it), since when it can be restored, for how many days back, and its base
 * archive (the table as of {@code enabledAt}) with the engine's manifest of it.
 */
public record RecoveryState(String tableName, String tableId, String tableArn, Instant enabledAt, int recoveryPeriodInDays,
        String baseKeyspace, byte[] manifest) {

    /** The keyspace holding the table's change history. */
    public static String historyKeyspace(String tableId) {
        return "pitr." + tableId + ".history";
    }

    public static String baseKeyspace(String tableId) {
        return "pitr." + tableId + ".base";
    }
}
