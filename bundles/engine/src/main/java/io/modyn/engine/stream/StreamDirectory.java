package io.modyn.engine.stream;

import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every stream there is, with its status: the streams in the {@link StreamRegistry} (those that
 * recorded something, which outlive their table) and each table's latest stream from the table
 * catalog (which may have recorded nothing yet). A stream is ENABLED while its table exists (same
 * table id), still names it as its latest stream and has its stream on; otherwise it is DISABLED
 * and readable until retention removes it.
 *
 * <p>A stream that recorded nothing is known only from its table: it disappears when its table
 * is deleted or gets a newer stream, and a retention (24 hours) after it was enabled once it is disabled.
 */
final class StreamDirectory {

    /** A stream and whether it is enabled (still recording). */
    record Entry(StreamInfo info, boolean enabled) {
    }

    private final StreamKeyspaces keyspaces;
    private final long retentionMillis;
    private final Clock clock;

    StreamDirectory(StreamKeyspaces keyspaces, Duration retention, Clock clock) {
        this.keyspaces = keyspaces;
        this.retentionMillis = retention.toMillis();
        this.clock = clock;
    }

    /** The streams of one table (or of all tables when null), ordered by table name and label. */
    List<Entry> list(StorageBinding.Bound bound, String tableName) {
        keyspaces.ensure(bound.storage(), StreamRegistry.KEYSPACE);
        Map<StreamKey, StreamInfo> streams = new TreeMap<>();
        List<StreamInfo> recorded = tableName == null ? StreamRegistry.all(bound.storage()) : StreamRegistry.ofTable(bound.storage(), tableName);
        recorded.forEach(info -> streams.put(info.key(), info));
        Map<String, TableDefinition> tables = new HashMap<>();
        for (String name : tableName == null ? bound.catalog().names() : List.of(tableName)) {
            TableDefinition table = table(bound.catalog(), tables, name);
            if (table != null && table.latestStreamLabel() != null && !expired(table)) {
                streams.putIfAbsent(new StreamKey(name, table.latestStreamLabel()), unrecorded(table));
            }
        }
        List<Entry> entries = new ArrayList<>(streams.size());
        for (StreamInfo info : streams.values()) {
            entries.add(new Entry(info, enabled(info, table(bound.catalog(), tables, info.key().tableName()))));
        }
        return entries;
    }

    /** The stream of that key, or null if there is none. */
    Entry find(StorageBinding.Bound bound, StreamKey key) {
        keyspaces.ensure(bound.storage(), StreamRegistry.KEYSPACE);
        TableDefinition table = bound.catalog().find(key.tableName());
        StreamInfo info = StreamRegistry.find(bound.storage(), key);
        if (info == null && table != null && key.label().equals(table.latestStreamLabel()) && !expired(table)) info = unrecorded(table);
        return info == null ? null : new Entry(info, enabled(info, table));
    }

    private static TableDefinition table(TableCatalog catalog, Map<String, TableDefinition> seen, String name) {
        if (!seen.containsKey(name)) seen.put(name, catalog.find(name));
        return seen.get(name);
    }

    /**
     * Whether the table's latest stream, which recorded nothing, is past retention: disabled, and
     * enabled longer than the retention ago (when it was disabled is not known; it holds nothing anyway).
     */
    private boolean expired(TableDefinition table) {
        long created = StreamLabels.parse(table.latestStreamLabel()).toEpochMilli();
        return !table.streamEnabled() && created < clock.millis() - retentionMillis;
    }

    /** The table's latest stream before its first record. */
    private static StreamInfo unrecorded(TableDefinition table) {
        String viewType = table.streamEnabled() ? table.streamSpecification().streamViewType() : null;
        return new StreamInfo(new StreamKey(table.tableName(), table.latestStreamLabel()), table.tableId(), viewType, table.keySchema(), 0, 0);
    }

    private static boolean enabled(StreamInfo info, TableDefinition table) {
        return table != null && table.tableId().equals(info.tableId()) && info.key().label().equals(table.latestStreamLabel())
                && table.streamEnabled();
    }
}
