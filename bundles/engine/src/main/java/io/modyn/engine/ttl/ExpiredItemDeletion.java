package io.modyn.engine.ttl;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemWriter;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Deletes one item that a scan found expired, if it still is: the scan read it without a lock, so
 * a client may have written it since (a new expiry time, or the TTL attribute removed). The item
 * is read again under its lock and tested again; only then is it deleted, through the ItemWriter,
 * so that its index entries go with it and its stream record names the service as the deleter.
 */
final class ExpiredItemDeletion {

    private final ItemWriter writer;

    ExpiredItemDeletion(ItemWriter writer) {
        this.writer = writer;
    }

    /** @return true if the item was deleted, false if it was gone or no longer expired */
    boolean deleteIfStillExpired(StorageBinding.Bound bound, TableDefinition table, String ttlAttribute, StorageRecord candidate,
            BigDecimal nowEpochSeconds) {
        try (StorageTransaction tx = bound.storage().begin()) {
            byte[] stored = tx.getForUpdate(TableCatalog.dataKeyspace(table), candidate.partition(), candidate.sort());
            if (stored == null) return false;
            Map<String, AttributeValue> item = ItemCodec.decode(stored);
            if (!Expiration.isExpired(item, ttlAttribute, nowEpochSeconds)) return false;
            writer.write(bound.catalog(), tx, table, KeySchemaRules.ofItem(table, item), item, null, true, ChangeOrigin.TIME_TO_LIVE);
            tx.commit();
            return true;
        }
    }
}
