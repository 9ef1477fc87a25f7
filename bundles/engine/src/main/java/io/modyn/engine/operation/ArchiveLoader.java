package io.modyn.engine.operation;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.RestoreSummary;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.encryption.ItemCipher;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemWriter;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes an archive's items into the table restored from it, then makes the table ACTIVE. Each
 * archived value is opened with the source table's key (it is sealed, if at all, for the source's
 * data keyspace) and decoded, and the item is written through the {@link ItemWriter} like any
 * write, so the new table's indexes are built and its values sealed under its own key. Items go in
 * batches of {@value #BATCH} per storage transaction.
 */
public final class ArchiveLoader {

    private static final Logger LOG = Logger.getLogger(ArchiveLoader.class.getName());
    private static final int BATCH = 100;

    private final ItemWriter writer;

    public ArchiveLoader(ItemWriter writer) {
        this.writer = writer;
    }

    /**
     * Loads the archive into {@code target} (stored CREATING) and makes it ACTIVE, then drops the
     * archive if asked; a failure is logged and leaves the table CREATING.
     */
    public void load(StorageBinding.Bound bound, String archiveKeyspace, TableDefinition source, TableDefinition target, boolean dropArchive) {
        try {
            long items = copyItems(bound, archiveKeyspace, source, target);
            RestoreSummary summary = target.restoreSummary();
            bound.catalog().update(target, target.toBuilder().tableStatus(TableDefinition.ACTIVE)
                    .restoreSummary(new RestoreSummary(summary.sourceBackupArn(), summary.sourceTableArn(), summary.restoreDateTime(), false))
                    .build());
            LOG.info("Restored table " + target.tableName() + " with " + items + " items from " + archiveKeyspace);
            if (dropArchive) bound.storage().dropKeyspace(archiveKeyspace);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The restore of table " + target.tableName() + " from " + archiveKeyspace + " failed; it stays CREATING", e);
        }
    }

    private long copyItems(StorageBinding.Bound bound, String archiveKeyspace, TableDefinition source, TableDefinition target) {
        String sealedFor = TableCatalog.dataKeyspace(source);
        long count = 0;
        StorageTransaction tx = null;
        int inBatch = 0;
        try (RecordCursor cursor = bound.storage().scan(archiveKeyspace, 0, 1, null)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                Map<String, AttributeValue> item = ItemCodec.decode(open(bound, source.tableId(), sealedFor, record));
                if (tx == null) tx = bound.storage().begin();
                writer.write(bound.catalog(), tx, target, KeySchemaRules.ofItem(target, item), null, item, true, ChangeOrigin.REQUEST);
                count++;
                if (++inBatch == BATCH) {
                    tx.commit();
                    tx.close();
                    tx = null;
                    inBatch = 0;
                }
            }
            if (tx != null) tx.commit();
        } finally {
            if (tx != null) tx.close();
        }
        return count;
    }

    /** The archived value as the engine encoded it: opened with the source table's key if it was sealed. */
    static byte[] open(StorageBinding.Bound bound, String sourceTableId, String sealedFor, StorageRecord record) {
        byte[] value = record.value();
        if (!ItemCipher.isSealed(value)) return value;
        try {
            return ItemCipher.open(bound.keys().readKey(sourceTableId, ItemCipher.version(value)), sourceTableId, sealedFor,
                    record.partition(), record.sort(), value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an archived item of table " + sourceTableId + " could not be decrypted", e);
        }
    }
}
