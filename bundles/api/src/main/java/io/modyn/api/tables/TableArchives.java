package io.modyn.api.tables;

import io.modyn.api.dynamodb.TableDescription;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Table archives, offered by the engine (the only bundle that knows what a table is) to backup
 * bundles: a copy of a table's items as of one instant, kept in a keyspace the caller names, and a
 * new table made from such a copy. Item bytes in an archive are the engine's (encoded, and sealed
 * under the table's key when it has one), so only the engine reads them; the caller keeps the
 * archive's keyspace and its {@link TableArchive#manifest() manifest} and hands both back to
 * restore. An archive outlives its table: keyspaces are the caller's, and a deleted table's keys
 * stay with the key service.
 *
 * <p>Authorization of the backup operations is the caller's; these methods check nothing.
 */
@ProviderType
public interface TableArchives {

    /**
     * The table's description now (the one DescribeTable gives), or null if there is no such table.
     */
    TableDescription describe(String tableName);

    /**
     * Copies the table's items as of one instant into {@code keyspace}, which this creates.
     *
     * @throws io.modyn.api.model.DynamoException TableNotFoundException if there is no such table,
     *     TableInUseException while it is being created or deleted
     */
    TableArchive archive(String tableName, String keyspace);

    /**
     * Turns the table's change capture on or off: from when this returns, every item change of the
     * table is passed to the bound {@link ChangeCapture} in the change's own transaction (writes
     * computed before it are fenced and run again), until it is turned off. A restored table starts
     * with it off.
     *
     * @throws io.modyn.api.model.DynamoException TableNotFoundException if there is no such table
     */
    void setChangeCapture(String tableName, boolean on);

    /** The archive a manifest describes, as {@link #archive} returned it. */
    TableArchive read(String keyspace, byte[] manifest);

    /**
     * Creates the target table from an archive and returns its description, status CREATING and
     * restore in progress; the items are written in the background (indexes built as the request
     * says, sealed under the new table's key if it has one), after which the table is ACTIVE and
     * its restore summary says the restore is done. The archive must stay until then. An encrypted
     * target gets its keys from the key service on the server's own behalf.
     *
     * @throws io.modyn.api.model.DynamoException TableAlreadyExistsException if the target exists,
     *     ValidationException for overrides DynamoDB refuses
     */
    TableDescription restore(TableRestore restore);
}
