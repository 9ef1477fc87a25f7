package io.modyn.engine.control;

import io.modyn.api.dynamodb.Tag;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's tags, kept in the storage keyspace {@value #KEYSPACE} so that every node sharing the
 * storage sees them: one record per tag, partition = the table's id, sort = the tag key.
 *
 * <p>Tags are keyed by table id, not name: the tags of a deleted table are never seen again, not
 * even by a new table of the same name, without DeleteTable having to know about tags.
 *
 * <p>Changes to one table's tags are serialized by locking the table's empty-sort key (tag keys are
 * never empty, and nothing is ever stored there) before reading the stored set, so that the 50-tag
 * limit holds against concurrent TagResource calls, on any node.
 */
public final class TableTags {

    public static final String KEYSPACE = "modyn.tags";

    private static final byte[] LOCK_SORT = new byte[0];

    private TableTags() {
    }

    /**
     * Stores CreateTable's Tags (already checked by {@link TableOptions#forCreate}) once the table
     * exists: a tag needs the table's id.
     */
    public static void storeOnCreate(StorageBinding.Bound bound, TableDefinition table, List<Tag> tags) {
        if (tags != null && !tags.isEmpty()) add(bound.storage(), table, tags);
    }

    /** The table's tags in key order. */
    public static List<Tag> list(StorageEngine storage, TableDefinition table) {
        if (!storage.keyspaceExists(KEYSPACE)) return List.of();
        return read(storage, table).entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    /** Adds or overwrites tags; the table may then hold at most {@link TagRules#MAX_TAGS_PER_RESOURCE}. */
    public static void add(StorageEngine storage, TableDefinition table, List<Tag> tags) {
        ensureKeyspace(storage);
        byte[] partition = partition(table);
        try (StorageTransaction tx = storage.begin()) {
            tx.getForUpdate(KEYSPACE, partition, LOCK_SORT);
            Map<String, String> merged = read(storage, table);
            for (Tag tag : tags) merged.put(tag.key(), tag.value());
            TagRules.checkCount(merged.size());
            for (Tag tag : tags) tx.put(KEYSPACE, partition, utf8(tag.key()), utf8(tag.value()));
            tx.commit();
        }
    }

    /** Removes the tags with these keys; keys the table does not have are ignored. */
    public static void remove(StorageEngine storage, TableDefinition table, List<String> keys) {
        if (!storage.keyspaceExists(KEYSPACE)) return;
        byte[] partition = partition(table);
        try (StorageTransaction tx = storage.begin()) {
            tx.getForUpdate(KEYSPACE, partition, LOCK_SORT);
            for (String key : keys) tx.delete(KEYSPACE, partition, utf8(key));
            tx.commit();
        }
    }

    /** Creating a keyspace is a heavyweight storage operation: done once, by the first tag write. */
    private static void ensureKeyspace(StorageEngine storage) {
        if (!storage.keyspaceExists(KEYSPACE)) storage.createKeyspace(KEYSPACE);
    }

    private static Map<String, String> read(StorageEngine storage, TableDefinition table) {
        Map<String, String> tags = new LinkedHashMap<>();
        try (RecordCursor cursor = storage.query(KEYSPACE, partition(table), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                tags.put(new String(record.sort(), StandardCharsets.UTF_8), new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return tags;
    }

    private static byte[] partition(TableDefinition table) {
        return utf8(table.tableId());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
