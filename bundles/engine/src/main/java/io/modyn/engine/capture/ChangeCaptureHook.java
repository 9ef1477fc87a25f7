package io.modyn.engine.capture;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.tables.CapturedChange;
import io.modyn.api.tables.ChangeCapture;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.encryption.SealingStorageEngine;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.write.ChangeHook;
import io.modyn.engine.write.ItemChange;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes the item changes of tables with change capture on to the bound {@link ChangeCapture}
 * (point-in-time recovery history), in the change's own transaction. The image is what the table's
 * data keyspace stores: encoded and, for an encrypted table, sealed for that keyspace and key, so
 * the history holds no clear item bytes and an archive built from it opens like the table.
 *
 * <p>While a table captures, a missing capture service fails its writes with a retryable error:
 * a write without its history record would make every later restore wrong. Times come from one
 * clock that never goes back, so of two changes of an item the later never has the earlier time.
 * Tables without capture cost one boolean test per write.
 */
public final class ChangeCaptureHook implements ChangeHook {

    private final StorageBinding storage;
    private final AtomicLong lastMillis = new AtomicLong();
    private volatile ChangeCapture capture;

    public ChangeCaptureHook(StorageBinding storage) {
        this.storage = storage;
    }

    public void bind(ChangeCapture bound) {
        capture = bound;
    }

    public void unbind(ChangeCapture unbound) {
        if (capture == unbound) capture = null;
    }

    @Override
    public boolean needsOldItem(TableDefinition table) {
        return false;
    }

    @Override
    public void apply(StorageTransaction transaction, ItemChange change) {
        TableDefinition table = change.table();
        if (!table.changeCaptureEnabled()) return;
        ChangeCapture bound = capture;
        if (bound == null) throw DynamoException.unavailable("The table's point-in-time recovery history cannot be written now; retry the request");
        byte[] image = null;
        if (change.newItem() != null) {
            byte[] encoded = ItemCodec.encode(change.newItem());
            image = storage.require().storage() instanceof SealingStorageEngine sealing
                    ? sealing.sealAs(TableCatalog.dataKeyspace(table), change.key().partition(), change.key().sort(), encoded)
                    : encoded;
        }
        bound.captured(transaction, new CapturedChange(table.tableId(), change.key().partition(), change.key().sort(), image, now()));
    }

    @Override
    public void tableDeleted(TableDefinition table, String tableArn) {
        ChangeCapture bound = capture;
        if (table.changeCaptureEnabled() && bound != null) bound.tableDeleted(table.tableName(), table.tableId(), tableArn);
    }

    private long now() {
        long wall = System.currentTimeMillis();
        return lastMillis.accumulateAndGet(wall, Math::max);
    }
}
