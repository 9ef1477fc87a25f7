package io.modyn.backup;

import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.tables.CapturedChange;
import io.modyn.api.tables.ChangeCapture;
import io.modyn.backup.catalog.RecoveryState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * A table's change history, written by the engine's change capture in each item write's own
 * transaction (so the history is exactly the committed writes), and replayed onto a copy of the
 * table's base archive to get the table as of any instant since.
 *
 * <p>Layout, in keyspace {@code pitr.<tableId>.history}: partition = the item's partition key;
 * sort = the item's sort key length (2 bytes), the sort key, the change time (8 bytes, big-endian
 * milliseconds); value = 1 and the item's stored image, or 0 for a deletion. The length prefix
 * keeps each item's changes together and in time order in a scan, so a replay is one pass with
 * nothing held but the item at hand. Images are opaque engine bytes; the engine opens them.
 */
final class ChangeHistory implements ChangeCapture {

    private static final int BATCH = 200;

    private final StorageEngine storage;
    private final java.util.function.BiConsumer<String, String> onTableDeleted;

    /** @param onTableDeleted told (table name, table id) when a table with history is deleted */
    ChangeHistory(StorageEngine storage, java.util.function.BiConsumer<String, String> onTableDeleted) {
        this.storage = storage;
        this.onTableDeleted = onTableDeleted;
    }

    @Override
    public void captured(StorageTransaction transaction, CapturedChange change) {
        byte[] image = change.image();
        byte[] value = new byte[image == null ? 1 : 1 + image.length];
        if (image != null) {
            value[0] = 1;
            System.arraycopy(image, 0, value, 1, image.length);
        }
        transaction.put(RecoveryState.historyKeyspace(change.tableId()), change.partition(), sortKey(change.sort(), change.timeMillis()), value);
    }

    @Override
    public void tableDeleted(String tableName, String tableId, String tableArn) {
        onTableDeleted.accept(tableName, tableId);
    }

    /**
     * Copies the base archive into {@code target} and applies, for each item, its last change at or
     * before {@code untilMillis}: the target then holds the table as of that instant.
     */
    void replay(String baseKeyspace, String historyKeyspace, long untilMillis, String target) {
        storage.copyKeyspaces(Map.of(baseKeyspace, target));
        StorageTransaction tx = null;
        int pending = 0;
        byte[] groupPartition = null;
        byte[] groupSort = null;
        StorageRecord latest = null;
        try (RecordCursor cursor = storage.scan(historyKeyspace, 0, 1, null)) {
            while (true) {
                StorageRecord record = cursor.hasNext() ? cursor.next() : null;
                byte[] itemSort = record == null ? null : itemSort(record.sort());
                boolean sameItem = record != null && groupPartition != null && Arrays.equals(groupPartition, record.partition())
                        && Arrays.equals(groupSort, itemSort);
                if (!sameItem && latest != null) {
                    if (tx == null) tx = storage.begin();
                    if (latest.value()[0] == 1) {
                        tx.put(target, latest.partition(), groupSort, Arrays.copyOfRange(latest.value(), 1, latest.value().length));
                    } else {
                        tx.delete(target, latest.partition(), groupSort);
                    }
                    latest = null;
                    if (++pending == BATCH) {
                        tx.commit();
                        tx.close();
                        tx = null;
                        pending = 0;
                    }
                }
                if (record == null) break;
                if (!sameItem) {
                    groupPartition = record.partition();
                    groupSort = itemSort;
                }
                if (time(record.sort()) <= untilMillis) latest = record;
            }
            if (tx != null) tx.commit();
        } finally {
            if (tx != null) tx.close();
        }
    }

    static byte[] sortKey(byte[] itemSort, long timeMillis) {
        return ByteBuffer.allocate(2 + itemSort.length + 8).putShort((short) itemSort.length).put(itemSort).putLong(timeMillis).array();
    }

    static byte[] itemSort(byte[] historySort) {
        int length = ByteBuffer.wrap(historySort).getShort() & 0xFFFF;
        return Arrays.copyOfRange(historySort, 2, 2 + length);
    }

    static long time(byte[] historySort) {
        return ByteBuffer.wrap(historySort, historySort.length - 8, 8).getLong();
    }
}
