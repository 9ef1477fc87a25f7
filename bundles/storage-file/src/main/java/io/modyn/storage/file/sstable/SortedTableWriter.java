package io.modyn.storage.file.sstable;

import io.modyn.storage.file.commitlog.DirectorySync;
import io.modyn.storage.file.commitlog.OwnerOnly;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes one sorted table from records given in key order (a memtable flush, a compaction). The
 * records stream out block by block: the writer holds one block, the block index, the sparse
 * partition index and the Bloom filter, never the records.
 *
 * <p>Crash safety: everything goes to {@code <generation>.sst.tmp}; {@link #finish} fsyncs it,
 * renames it atomically to {@code <generation>.sst} and fsyncs the directory, so a table file
 * either does not exist or is complete. A crash leaves at most a temporary file, which
 * {@link SortedTableFiles#deleteTemporary} removes at the next start. Not thread-safe.
 */
public final class SortedTableWriter implements AutoCloseable {

    private static final int OUTPUT_BUFFER = 256 * 1024;
    private static final long MIN_BLOOM_ENTRIES = 32 * 1024;

    private final Path directory;
    private final Path temporary;
    private final Path target;
    private final long generation;
    private final int level;
    private final SortedTableOptions options;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(OUTPUT_BUFFER);
    private long position;

    private final BlockBuilder block;
    private final BlockIndex blockIndex = new BlockIndex(64);
    private final PartitionIndex partitionIndex = new PartitionIndex(PartitionIndex.DEFAULT_INTERVAL);
    private final BloomFilter bloom;
    private boolean sortKeysInBloom;
    private long bloomEntries;

    private OrderedKey blockFirstKey;
    private OrderedKey firstKey;
    private OrderedKey lastKey;
    private long records;
    private long tombstones;
    private long partitions;
    private long minSequence = Long.MAX_VALUE;
    private long maxSequence = Long.MIN_VALUE;
    private long uncompressedBytes;
    private boolean finished;
    private boolean closed;

    private SortedTableWriter(Path directory, long generation, int level, SortedTableOptions options, long expectedRecords) throws IOException {
        this.directory = directory;
        this.generation = generation;
        this.level = level;
        this.options = options;
        this.target = directory.resolve(SortedTableFiles.fileName(generation));
        this.temporary = directory.resolve(SortedTableFiles.temporaryName(generation));
        if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString(), null, "a table of this generation exists");
        this.block = new BlockBuilder(options.blockSizeBytes());
        // Sized for a partition and a record entry per expected record, and never for fewer than
        // MIN_BLOOM_ENTRIES (a caller that cannot tell passes 0): finish() folds it to what was added.
        this.bloom = BloomFilter.sized(2 * Math.max(MIN_BLOOM_ENTRIES, expectedRecords), options.bloomBitsPerKey());
        this.channel = OwnerOnly.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        write(TableHeader.encode(generation).array());
    }

    /**
     * Starts a table. {@code expectedRecords} sizes the Bloom filter; more records still work, at
     * a higher false-positive rate (beyond 32768 records), fewer cost nothing (the filter is folded
     * to fit).
     */
    public static SortedTableWriter create(Path directory, long generation, int level, SortedTableOptions options, long expectedRecords)
            throws IOException {
        if (level < 0) throw new IllegalArgumentException("negative level " + level);
        OwnerOnly.createDirectories(directory);
        return new SortedTableWriter(directory, generation, level, Objects.requireNonNull(options), expectedRecords);
    }

    /** Adds the next record: keys strictly ascending, one version per key; a tombstone has a null value. */
    public void append(VersionedRecord record) throws IOException {
        if (finished || closed) throw new IllegalStateException("table " + target + " is already " + (finished ? "finished" : "closed"));
        OrderedKey key = record.key();
        if (lastKey != null && key.compareTo(lastKey) <= 0) {
            throw new IllegalArgumentException("keys must be strictly ascending: " + key + " after " + lastKey);
        }
        long size = BlockBuilder.encodedSize(record);
        if (!block.isEmpty() && block.size() + size > options.blockSizeBytes()) flushBlock();
        if (block.isEmpty()) blockFirstKey = key;
        if (lastKey == null || lastKey.token() != key.token() || !Arrays.equals(lastKey.partition(), key.partition())) {
            partitionIndex.partitionStarted(partitions++, key, blockIndex.count());
            bloom.add(BloomFilter.partitionHash(key.token()));
            bloomEntries++;
        }
        if (key.sort().length > 0) {
            bloom.add(BloomFilter.recordHash(key));
            bloomEntries++;
            sortKeysInBloom = true;
        }
        block.add(record);
        if (firstKey == null) firstKey = key;
        lastKey = key;
        records++;
        if (record.isTombstone()) tombstones++;
        minSequence = Math.min(minSequence, record.sequence());
        maxSequence = Math.max(maxSequence, record.sequence());
        if (block.size() >= options.blockSizeBytes()) flushBlock();
    }

    /** Bytes written to the file so far; a table ends a little longer (the last block, indexes, footer). */
    public long bytesWritten() {
        return position;
    }

    public long recordCount() {
        return records;
    }

    private void flushBlock() throws IOException {
        ByteSink bytes = block.finish();
        byte[] stored = DataBlockFormat.encode(bytes.array(), bytes.size(), options.compression());
        blockIndex.add(position, stored.length, blockFirstKey);
        uncompressedBytes += bytes.size();
        write(stored);
        block.reset(options.blockSizeBytes());
    }

    private void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.remaining()) {
            drain();
            if (bytes.length > buffer.capacity()) {
                ByteBuffer whole = ByteBuffer.wrap(bytes);
                while (whole.hasRemaining()) channel.write(whole);
                position += bytes.length;
                return;
            }
        }
        buffer.put(bytes);
        position += bytes.length;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    private TableFooter.Section section(String name, byte[] bytes) throws IOException {
        TableFooter.Section section = TableFooter.Section.of(name, position, bytes);
        write(bytes);
        return section;
    }

    /**
     * Writes the indexes, Bloom filter, statistics and footer, makes the file durable under its
     * final name, and opens it.
     *
     * @param minTimeMillis the earliest write time of the records (the caller knows it; records do not carry it)
     * @param cache where the returned table caches its blocks, or null for none
     * @return the table, with one reference held by the caller
     */
    public SortedTable finish(long minTimeMillis, long maxTimeMillis, BlockCache cache) throws IOException {
        if (finished || closed) throw new IllegalStateException("table " + target + " is already " + (finished ? "finished" : "closed"));
        if (!block.isEmpty()) flushBlock();
        bloom.fold(bloomEntries, options.bloomBitsPerKey());
        StatisticsSection statistics = new StatisticsSection(level, records, tombstones, partitions,
                records == 0 ? 0 : minSequence, records == 0 ? 0 : maxSequence, minTimeMillis, maxTimeMillis, uncompressedBytes, firstKey, lastKey);
        TableFooter.Section blocks = section("block index section", blockIndex.encode());
        TableFooter.Section partitionStarts = section("partition index section", partitionIndex.encode());
        ByteSink filter = new ByteSink((int) Math.min(Integer.MAX_VALUE - 8, bloom.bitCount() / 8 + 16));
        filter.putByte(sortKeysInBloom ? 1 : 0);
        bloom.encode(filter);
        TableFooter.Section bloomSection = section("Bloom filter section", filter.toByteArray());
        TableFooter.Section statisticsSection = section("statistics section", statistics.encode());
        write(new TableFooter(blocks, partitionStarts, bloomSection, statisticsSection).encode().array());
        drain();
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        DirectorySync.sync(directory);
        finished = true;
        return SortedTable.opened(target, cache, generation, statistics, position, blockIndex, partitionIndex, bloom, sortKeysInBloom);
    }

    /** Abandons an unfinished table, deleting its temporary file; nothing after {@link #finish}. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (finished) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // The file is deleted next; a close failure changes nothing.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Left for deleteTemporary at the next start.
        }
    }
}
