package io.modyn.storage.file.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Opens a table file: footer first (it says where everything is), then the header, then each
 * section, every part checked (CRC, bounds, order) before it is trusted. Data blocks are left on
 * disk.
 */
final class TableReader {

    private TableReader() {
    }

    static SortedTable read(Path file, FileChannel channel, BlockCache cache) throws IOException {
        long size = channel.size();
        if (size < TableHeader.SIZE + TableFooter.SIZE) {
            throw new CorruptTableException(file, "footer", "the file is " + size + " bytes, shorter than a header and footer: truncated");
        }
        TableFooter footer;
        try {
            footer = TableFooter.decode(readFully(file, channel, size - TableFooter.SIZE, TableFooter.SIZE, "footer"));
        } catch (IllegalArgumentException e) {
            throw new CorruptTableException(file, "footer", e.getMessage());
        }
        long generation;
        try {
            generation = TableHeader.decode(readFully(file, channel, 0, TableHeader.SIZE, "header"));
        } catch (IllegalArgumentException e) {
            throw new CorruptTableException(file, "header", e.getMessage());
        }
        checkName(file, generation);

        long dataStart = TableHeader.SIZE;
        long dataEnd = footer.blockIndex().offset();
        long expected = dataEnd;
        for (TableFooter.Section section : footer.sections()) {
            if (section.offset() != expected || section.length() < 0) {
                throw new CorruptTableException(file, "footer", section.name() + " at " + section.offset() + " is not where the previous one ends (" + expected + ")");
            }
            expected += section.length();
        }
        if (dataEnd < dataStart || expected != size - TableFooter.SIZE) {
            throw new CorruptTableException(file, "footer", "sections end at " + expected + ", the footer starts at " + (size - TableFooter.SIZE));
        }

        ByteBuffer blockSection = section(file, channel, footer.blockIndex());
        ByteBuffer partitionSection = section(file, channel, footer.partitionIndex());
        ByteBuffer bloomSection = section(file, channel, footer.bloomFilter());
        ByteBuffer statisticsSection = section(file, channel, footer.statistics());
        BlockIndex blocks;
        PartitionIndex partitions;
        BloomFilter bloom;
        boolean sortKeysInBloom;
        StatisticsSection statistics;
        try {
            blocks = BlockIndex.decode(blockSection, dataStart, dataEnd);
        } catch (RuntimeException e) {
            throw SortedTable.corrupt(file, footer.blockIndex().name(), e);
        }
        try {
            partitions = PartitionIndex.decode(partitionSection, blocks.count());
        } catch (RuntimeException e) {
            throw SortedTable.corrupt(file, footer.partitionIndex().name(), e);
        }
        try {
            int flags = bloomSection.get();
            if ((flags & ~1) != 0) throw new IllegalArgumentException("unknown flags " + flags);
            sortKeysInBloom = flags == 1;
            bloom = BloomFilter.decode(bloomSection);
            if (bloomSection.hasRemaining()) throw new IllegalArgumentException(bloomSection.remaining() + " bytes after the filter");
        } catch (RuntimeException e) {
            throw SortedTable.corrupt(file, footer.bloomFilter().name(), e);
        }
        try {
            statistics = StatisticsSection.decode(statisticsSection);
            if ((statistics.recordCount() == 0) != (blocks.count() == 0)) {
                throw new IllegalArgumentException(statistics.recordCount() + " records in " + blocks.count() + " blocks");
            }
        } catch (RuntimeException e) {
            throw SortedTable.corrupt(file, footer.statistics().name(), e);
        }
        return SortedTable.fromSections(file, channel, cache, generation, statistics, size, blocks, partitions, bloom, sortKeysInBloom);
    }

    /** A table file keeps the name of its generation; a dumped copy under another name is still readable. */
    private static void checkName(Path file, long generation) throws CorruptTableException {
        long named;
        try {
            named = SortedTableFiles.generationOf(file);
        } catch (IllegalArgumentException otherName) {
            return;
        }
        if (named != generation) throw new CorruptTableException(file, "header", "generation " + generation + " does not match the file name");
    }

    private static ByteBuffer section(Path file, FileChannel channel, TableFooter.Section section) throws IOException {
        byte[] bytes = readFully(file, channel, section.offset(), section.length(), section.name());
        if (TableFooter.crc(bytes) != section.crc()) throw new CorruptTableException(file, section.name(), "CRC mismatch");
        return ByteBuffer.wrap(bytes);
    }

    private static byte[] readFully(Path file, FileChannel channel, long offset, int length, String part) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) throw new CorruptTableException(file, part, "the file ends early");
        }
        return buffer.array();
    }
}
