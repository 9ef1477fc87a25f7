package io.modyn.api.tables;

import io.modyn.api.storage.StorageTransaction;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every item change of the tables whose change capture is on
 * ({@link TableArchives#setChangeCapture}), inside the storage transaction that writes the item:
 * what it adds to the transaction commits with the item or not at all. Registered by a bundle
 * that keeps change history (point-in-time recovery); the engine calls the one bound.
 *
 * <p>{@link #captured} runs on the write's path and must be quick; it may only add puts and
 * deletes of its own keyspaces to the transaction. {@link #tableDeleted} is called after a table
 * with capture on was deleted (its items are gone, its capture with it).
 */
@ConsumerType
public interface ChangeCapture {

    void captured(StorageTransaction transaction, CapturedChange change);

    void tableDeleted(String tableName, String tableId, String tableArn);
}
