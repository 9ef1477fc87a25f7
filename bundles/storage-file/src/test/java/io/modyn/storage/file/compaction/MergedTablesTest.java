package io.modyn.storage.file.compaction;

import static io.modyn.storage.file.compaction.Records.delete;
import static io.modyn.storage.file.compaction.Records.describe;
import static io.modyn.storage.file.compaction.Records.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.storage.file.record.MergedRecords;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.SortedTableOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MergedRecords over real sorted tables, as reads use it: bounded ranges, both directions. */
class MergedTablesTest {

    @TempDir
    Path directory;

    private DirectoryCompactionHost host;

    @BeforeEach
    void open() {
        host = new DirectoryCompactionHost(directory, SortedTableOptions.defaults().withBlockSize(512));
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void rangesOfSeveralTablesMergeNewestFirstInBothDirections() throws Exception {
        Random random = new Random(3);
        TreeMap<OrderedKey, VersionedRecord> newest = new TreeMap<>();
        long sequence = 0;
        for (int t = 0; t < 5; t++) {
            TreeMap<OrderedKey, VersionedRecord> table = new TreeMap<>();
            for (int i = 0; i < 120; i++) {
                int n = random.nextInt(300);
                VersionedRecord record = random.nextInt(4) == 0 ? delete(n, ++sequence) : put(n, ++sequence, 40);
                table.put(record.key(), record);
            }
            newest.putAll(table);
            host.flush("ks", 0, List.copyOf(table.values()));
        }
        List<OrderedKey> keys = new ArrayList<>(newest.keySet());
        OrderedKey from = keys.get(keys.size() / 4);
        OrderedKey to = keys.get(keys.size() * 3 / 4);
        List<VersionedRecord> expected = newest.subMap(from, true, to, false).values().stream()
                .filter(r -> !r.isTombstone()).sorted(Comparator.comparing(VersionedRecord::key)).toList();

        assertEquals(describe(expected), describe(merge(host.live("ks"), from, to, false)));
        List<VersionedRecord> reversed = new ArrayList<>(expected);
        Collections.reverse(reversed);
        assertEquals(describe(reversed), describe(merge(host.live("ks"), from, to, true)));
    }

    private static List<VersionedRecord> merge(List<SortedTable> tables, OrderedKey from, OrderedKey to, boolean descending) {
        List<RecordIterator> sources = new ArrayList<>();
        for (SortedTable table : tables) {
            sources.add(table.range(from, true, to, false, descending));
        }
        List<VersionedRecord> records = new ArrayList<>();
        try (MergedRecords merged = MergedRecords.of(sources, descending, true)) {
            merged.forEachRemaining(records::add);
        }
        return records;
    }
}
