package io.modyn.storage.file.compaction;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.SortedTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Records for compaction tests: keys named by a number, values that say which write made them. */
final class Records {

    private Records() {
    }

    static OrderedKey key(int n) {
        return OrderedKey.of(("k" + n).getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    static VersionedRecord put(int n, long sequence) {
        return new VersionedRecord(key(n), sequence, ("v" + n + "@" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** A value of random bytes, so that compression does not shrink the tables tests size. */
    static VersionedRecord put(int n, long sequence, int valueBytes) {
        byte[] value = new byte[valueBytes];
        new Random(n * 1_000_003L + sequence).nextBytes(value);
        return new VersionedRecord(key(n), sequence, value);
    }

    static VersionedRecord delete(int n, long sequence) {
        return VersionedRecord.tombstone(key(n), sequence);
    }

    static List<VersionedRecord> all(SortedTable table) {
        List<VersionedRecord> records = new ArrayList<>();
        try (RecordIterator iterator = table.all()) {
            iterator.forEachRemaining(records::add);
        }
        return records;
    }

    /** Records compare by reference (their values are arrays): this compares what they hold. */
    static String describe(List<VersionedRecord> records) {
        StringBuilder out = new StringBuilder();
        for (VersionedRecord record : records) {
            out.append(record.key()).append('@').append(record.sequence()).append('=')
                    .append(record.value() == null ? "tombstone" : new String(record.value(), StandardCharsets.ISO_8859_1)).append('\n');
        }
        return out.toString();
    }
}
