package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks a whole table, as {@code modyn-sstable verify} and the crash tests do: every block's CRC
 * (read from the file, not the cache), that each decodes, that its first key is the block index's,
 * that keys ascend strictly across the table, and that the counts match the statistics. Opening
 * the table already checked the header, footer and sections.
 */
final class TableVerifier {

    private TableVerifier() {
    }

    static void verify(SortedTable table, BlockIndex blocks) throws IOException {
        Path file = table.file();
        long records = 0;
        long tombstones = 0;
        VersionedRecord previous = null;
        for (int number = 0; number < blocks.count(); number++) {
            String part = "block " + number + " at offset " + blocks.offset(number);
            Block block = table.readBlockUncached(number);
            if (block.count() == 0) throw new CorruptTableException(file, part, "no records");
            try {
                if (block.compareKey(0, blocks.firstKey(number)) != 0) throw new CorruptTableException(file, part, "first key differs from the block index");
                for (int i = 0; i < block.count(); i++) {
                    VersionedRecord record = block.record(i);
                    if (previous != null && previous.key().compareTo(record.key()) >= 0) {
                        throw new CorruptTableException(file, part, "record " + i + " is out of key order");
                    }
                    previous = record;
                    records++;
                    if (record.isTombstone()) tombstones++;
                }
            } catch (IndexOutOfBoundsException | NegativeArraySizeException | IllegalArgumentException e) {
                throw new CorruptTableException(file, part, "a record does not decode: " + e);
            }
        }
        TableStatistics statistics = table.statistics();
        if (records != statistics.recordCount() || tombstones != statistics.tombstoneCount()) {
            throw new CorruptTableException(file, "statistics section", "says " + statistics.recordCount() + " records and "
                    + statistics.tombstoneCount() + " tombstones, the blocks hold " + records + " and " + tombstones);
        }
    }
}
