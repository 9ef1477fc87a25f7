package io.modyn.engine.stream;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.expr.eval.Values;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.write.ChangeHook;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemChange;
import java.time.Clock;
import java.util.Map;

/**
 * Writes a stream record for every item change of a table whose stream is enabled, in the storage
 * transaction of the change: the record commits with the change or not at all, so a crash loses
 * no committed change and a failed write leaves no record.
 *
 * <p><b>Sequence numbers.</b> Each stream has a counter (its {@link StreamRegistry} record) that
 * the writer locks with {@code getForUpdate}, increments and writes back in its transaction. The
 * lock is held until commit, so the writers of one stream are serialised in commit order, on one
 * node or on several sharing PostgreSQL (where the lock is the database's): numbers are unique,
 * dense, and increase in commit order, and a record becomes visible only after every record with
 * a lower number. Readers can therefore tail a stream by "the records after n" and never miss one
 * that commits later with a lower number, which a clock-based number (hybrid clock + node id)
 * could not promise without a settling delay. The price is that writes to one stream-enabled
 * table commit one at a time; DynamoDB itself spreads a stream over shards, and so could this
 * (a counter per shard) should that ever matter.
 *
 * <p>A write that changes nothing (a put of an identical item, a delete of an absent one) records
 * nothing, as in DynamoDB. Items are compared as DynamoDB compares values (sets as sets).
 */
public final class StreamRecorder implements ChangeHook {

    private final StorageBinding storage;
    private final StreamKeyspaces keyspaces;
    private final Clock clock;

    StreamRecorder(StorageBinding storage, StreamKeyspaces keyspaces, Clock clock) {
        this.storage = storage;
        this.keyspaces = keyspaces;
        this.clock = clock;
    }

    @Override
    public boolean needsOldItem(TableDefinition table) {
        return table.streamEnabled();
    }

    @Override
    public void apply(StorageTransaction tx, ItemChange change) {
        TableDefinition table = change.table();
        if (!table.streamEnabled() || table.latestStreamLabel() == null) return;
        Map<String, AttributeValue> oldItem = change.oldItem();
        Map<String, AttributeValue> newItem = change.newItem();
        if (unchanged(oldItem, newItem)) return;

        StorageEngine engine = storage.require().storage();
        keyspaces.ensure(engine, StreamRegistry.KEYSPACE);
        long now = clock.millis();
        StreamInfo stream = StreamRegistry.advance(tx, table, now);
        keyspaces.ensure(engine, stream.keyspace());
        StreamLog.append(tx, stream.keyspace(), record(stream, change, now));
    }

    private static StoredChange record(StreamInfo stream, ItemChange change, long now) {
        StreamViewType view = StreamViewType.valueOf(stream.viewType());
        Map<String, AttributeValue> keys = change.key().attributes();
        Map<String, AttributeValue> oldImage = view.showsOld() ? change.oldItem() : null;
        Map<String, AttributeValue> newImage = view.showsNew() ? change.newItem() : null;
        String event = change.oldItem() == null ? StoredChange.INSERT : change.newItem() == null ? StoredChange.REMOVE : StoredChange.MODIFY;
        long size = ItemSize.of(keys) + (oldImage == null ? 0 : ItemSize.of(oldImage)) + (newImage == null ? 0 : ItemSize.of(newImage));
        return new StoredChange(stream.lastSequence(), event, now, change.origin() == ChangeOrigin.TIME_TO_LIVE, keys, oldImage, newImage,
                size);
    }

    private static boolean unchanged(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        if (oldItem == null || newItem == null) return oldItem == newItem;
        return Values.equal(new AttributeValue.M(oldItem), new AttributeValue.M(newItem));
    }
}
