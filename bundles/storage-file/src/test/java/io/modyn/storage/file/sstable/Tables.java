package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Test records and tables: random keys in storage order, written and read back. */
final class Tables {

    private Tables() {
    }

    static OrderedKey key(String partition, String sort) {
        return OrderedKey.of(partition.getBytes(StandardCharsets.UTF_8), sort.getBytes(StandardCharsets.UTF_8));
    }

    static VersionedRecord put(String partition, String sort, long sequence, String value) {
        return new VersionedRecord(key(partition, sort), sequence, value.getBytes(StandardCharsets.UTF_8));
    }

    static SortedTable write(Path directory, long generation, SortedTableOptions options, Collection<VersionedRecord> records, BlockCache cache)
            throws IOException {
        try (SortedTableWriter writer = SortedTableWriter.create(directory, generation, 0, options, records.size())) {
            for (VersionedRecord record : records) writer.append(record);
            return writer.finish(1000, 2000, cache);
        }
    }

    /**
     * Random records: a few wide partitions and many narrow ones, empty and non-empty sort keys
     * mixed by partition, some tombstones, and values from empty to {@code maxValue} bytes.
     */
    static TreeMap<OrderedKey, VersionedRecord> random(Random random, int partitions, int maxValue) {
        TreeMap<OrderedKey, VersionedRecord> records = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            byte[] partition = new byte[1 + random.nextInt(20)];
            random.nextBytes(partition);
            boolean wide = random.nextInt(10) == 0;
            int sorts = wide ? 1 + random.nextInt(200) : random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(4);
            boolean emptySort = !wide && sorts == 1 && random.nextBoolean();
            for (int s = 0; s < sorts; s++) {
                byte[] sort = emptySort ? new byte[0] : new byte[1 + random.nextInt(12)];
                random.nextBytes(sort);
                OrderedKey key = OrderedKey.of(partition, sort);
                long sequence = 1 + random.nextInt(1_000_000);
                byte[] value = null;
                if (random.nextInt(8) != 0) {
                    int length = random.nextInt(50) == 0 ? random.nextInt(maxValue + 1) : random.nextInt(Math.min(maxValue, 300) + 1);
                    value = new byte[length];
                    random.nextBytes(value);
                }
                records.put(key, new VersionedRecord(key, sequence, value));
            }
        }
        return records;
    }

    static List<VersionedRecord> drain(RecordIterator iterator) {
        List<VersionedRecord> out = new ArrayList<>();
        try (iterator) {
            while (iterator.hasNext()) out.add(iterator.next());
        }
        return out;
    }
}
