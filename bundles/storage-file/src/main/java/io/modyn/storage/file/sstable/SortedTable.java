package io.modyn.storage.file.sstable;

import io.modyn.api.storage.PartitionToken;
import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.RecordSource;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One immutable sorted table, open for reading by any number of threads. Its block index,
 * partition index, Bloom filter and statistics stay in memory; data blocks are read on demand
 * (positional reads, no shared file position) and kept, decompressed, in the {@link BlockCache}.
 *
 * <p>Lifetime: the table counts references. Whoever opens or writes it holds one; every reader
 * (a read view, an iterator) takes one with {@link #retain()} and gives it back with
 * {@link #release()}. When the count reaches zero the file is closed and, if the table was
 * {@link #markObsolete() marked obsolete} (compacted away), deleted: a compaction never pulls a
 * file from under a running Query.
 *
 * <p>{@link #get} and {@link #range} report I/O failures and corruption as
 * {@link UncheckedIOException}s wrapping the {@link IOException} (a {@link CorruptTableException}
 * for damaged bytes), since {@link RecordSource} declares none.
 */
public final class SortedTable implements RecordSource {

    private static final Logger LOG = Logger.getLogger(SortedTable.class.getName());
    /** No block is ever larger: a bigger uncompressed length in a block header is damage. */
    private static final int MAX_BLOCK_BYTES = Integer.MAX_VALUE - 8;

    private final Path file;
    private volatile FileChannel channel;
    private final BlockCache cache;
    private final long tableId = BlockCache.newTableId();
    private final long generation;
    private final StatisticsSection summary;
    private final TableStatistics statistics;
    private final BlockIndex blocks;
    private final PartitionIndex partitions;
    private final BloomFilter bloom;
    private final boolean sortKeysInBloom;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile boolean obsolete;

    private SortedTable(Path file, FileChannel channel, BlockCache cache, long generation, StatisticsSection summary, long fileBytes,
            BlockIndex blocks, PartitionIndex partitions, BloomFilter bloom, boolean sortKeysInBloom) {
        this.file = file;
        this.channel = channel;
        this.cache = cache;
        this.generation = generation;
        this.summary = summary;
        this.statistics = summary.statistics(fileBytes);
        this.blocks = blocks;
        this.partitions = partitions;
        this.bloom = bloom;
        this.sortKeysInBloom = sortKeysInBloom;
    }

    /** A table its writer just finished: its parts are already in memory, only the channel is new. */
    static SortedTable opened(Path file, BlockCache cache, long generation, StatisticsSection summary, long fileBytes,
            BlockIndex blocks, PartitionIndex partitions, BloomFilter bloom, boolean sortKeysInBloom) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new SortedTable(file, channel, cache, generation, summary, fileBytes, blocks, partitions, bloom, sortKeysInBloom);
    }

    /**
     * Opens a table file, checking its header, footer and every section's CRC (data blocks are
     * checked as they are read; {@link #verify()} checks them all).
     *
     * @param cache where to cache blocks, or null for none
     * @return the table, with one reference held by the caller
     * @throws CorruptTableException if the file is truncated, damaged or of an unknown version
     */
    public static SortedTable open(Path file, BlockCache cache) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return TableReader.read(file, channel, cache);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    static SortedTable fromSections(Path file, FileChannel channel, BlockCache cache, long generation, StatisticsSection summary,
            long fileBytes, BlockIndex blocks, PartitionIndex partitions, BloomFilter bloom, boolean sortKeysInBloom) {
        return new SortedTable(file, channel, cache, generation, summary, fileBytes, blocks, partitions, bloom, sortKeysInBloom);
    }

    public long generation() {
        return generation;
    }

    public int level() {
        return summary.level();
    }

    public Path file() {
        return file;
    }

    public TableStatistics statistics() {
        return statistics;
    }

    /** How many partitions the table holds records of. */
    public long partitionCount() {
        return summary.partitionCount();
    }

    public int blockCount() {
        return blocks.count();
    }

    /** Where data block {@code number} starts in the file. */
    long blockOffset(int number) {
        return blocks.offset(number);
    }

    /** Bytes of all data blocks uncompressed, for the compression ratio. */
    public long uncompressedDataBytes() {
        return summary.uncompressedDataBytes();
    }

    /**
     * False if the table certainly holds no version of the key: it lies outside the key range, or
     * the Bloom filter has neither its partition nor (for a key with a sort part) partition and sort.
     */
    public boolean mightContain(OrderedKey key) {
        if (statistics.recordCount() == 0 || key.compareTo(statistics.minKey()) < 0 || key.compareTo(statistics.maxKey()) > 0) return false;
        if (!bloom.mightContain(BloomFilter.partitionHash(key.token()))) return false;
        if (key.sort().length == 0) return true;
        // Without sort entries every record of the table has an empty sort part.
        return sortKeysInBloom && bloom.mightContain(BloomFilter.recordHash(key));
    }

    /** False if the table certainly holds no record of the partition. */
    public boolean mightContainPartition(byte[] partition) {
        if (statistics.recordCount() == 0) return false;
        long token = PartitionToken.of(partition);
        if (token < statistics.minKey().token() || token > statistics.maxKey().token()) return false;
        return bloom.mightContain(BloomFilter.partitionHash(token));
    }

    @Override
    public VersionedRecord get(OrderedKey key) {
        return mightContain(key) ? lookup(key) : null;
    }

    /**
     * The key's version in this table, read from the block that would hold it without asking the
     * Bloom filter: for a caller that has just asked {@link #mightContain} itself ({@link
     * io.modyn.storage.file.read.Reads#get} asks before it retains the table), so the filter is
     * probed once per table and read.
     */
    public VersionedRecord lookup(OrderedKey key) {
        int number = blockOf(key);
        if (number < 0) return null;
        Block block = block(number, true);
        int index = block.find(key);
        return index < 0 ? null : block.record(index, key);
    }

    @Override
    public RecordIterator range(OrderedKey from, boolean fromInclusive, OrderedKey to, boolean toInclusive, boolean descending) {
        if (!retain()) throw new IllegalStateException("table " + file + " is closed");
        return new TableIterator(this, from, fromInclusive, to, toInclusive, descending, true);
    }

    /** Every record in key order, without filling the block cache (compaction, dump, verify). */
    public RecordIterator all() {
        if (!retain()) throw new IllegalStateException("table " + file + " is closed");
        return new TableIterator(this, null, true, null, true, false, false);
    }

    /** The block that would hold the key, or -1 if it sorts before the first block. */
    int blockOf(OrderedKey key) {
        if (blocks.count() == 0) return -1;
        long range = partitions.blockRange(key, blocks.count());
        return blocks.blockOf(key, (int) (range >>> 32), (int) range);
    }

    /** Data block {@code number}, from the cache or the file. */
    Block block(int number, boolean fillCache) {
        if (cache != null) {
            Block cached = cache.get(tableId, number);
            if (cached != null) return cached;
        }
        try {
            Block block = readBlock(number);
            if (cache != null && fillCache) cache.put(tableId, number, block);
            return block;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Block readBlock(int number) throws IOException {
        long offset = blocks.offset(number);
        String part = "block " + number + " at offset " + offset;
        byte[] stored = read(offset, blocks.length(number), part);
        try {
            return new Block(DataBlockFormat.decode(stored, MAX_BLOCK_BYTES));
        } catch (IllegalArgumentException e) {
            throw new CorruptTableException(file, part, e.getMessage());
        }
    }

    /**
     * Reads {@code length} bytes at {@code offset}. A thread interrupted during a read closes the
     * channel for every thread (FileChannel's rule): the channel is then reopened, the interrupted
     * read fails and the other threads' reads that the close cut short are retried once.
     */
    byte[] read(long offset, int length, String part) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (int attempt = 0; ; attempt++) {
            FileChannel current = channel;
            try {
                while (buffer.hasRemaining()) {
                    if (current.read(buffer, offset + buffer.position()) < 0) {
                        throw new CorruptTableException(file, part, "the file ends " + buffer.remaining() + " bytes short");
                    }
                }
                return buffer.array();
            } catch (ClosedByInterruptException interrupted) {
                reopen(current);
                InterruptedIOException e = new InterruptedIOException("interrupted reading " + file);
                e.initCause(interrupted);
                throw e;
            } catch (ClosedChannelException closed) {
                if (attempt > 0 || references.get() <= 0) throw closed;
                reopen(current);
                buffer.clear();
            }
        }
    }

    private synchronized void reopen(FileChannel closed) throws IOException {
        if (channel == closed && references.get() > 0) channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Reads every data block and checks its CRC, that it decodes, that its records are in order
     * and that the counts match the statistics.
     *
     * @throws CorruptTableException naming the first damaged part
     */
    public void verify() throws IOException {
        TableVerifier.verify(this, blocks);
    }

    /** Data block {@code number} read from the file, bypassing the cache. */
    Block readBlockUncached(int number) throws IOException {
        return readBlock(number);
    }

    /** Takes a reference; false if the table is already closed (its last reference released). */
    public boolean retain() {
        while (true) {
            int count = references.get();
            if (count <= 0) return false;
            if (references.compareAndSet(count, count + 1)) return true;
        }
    }

    /** Gives a reference back; the last one closes the table and, if it is obsolete, deletes its file. */
    public void release() {
        int count = references.decrementAndGet();
        if (count > 0) return;
        if (count < 0) {
            references.incrementAndGet();
            throw new IllegalStateException("table " + file + " released more often than retained");
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warning(() -> "Closing " + file + " failed: " + e);
        }
        if (cache != null) cache.invalidate(tableId);
        if (obsolete) deleteFile();
    }

    /** The table is no longer live: its file goes when the last reference does (now, if none is held). */
    public void markObsolete() {
        obsolete = true;
        if (references.get() == 0) deleteFile();
    }

    public boolean isObsolete() {
        return obsolete;
    }

    /** References held now, for tests and diagnostics. */
    int references() {
        return references.get();
    }

    private void deleteFile() {
        try {
            if (Files.deleteIfExists(file)) LOG.fine(() -> "Deleted obsolete table " + file);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot delete obsolete table " + file + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "SortedTable[" + file + ", level " + level() + ", " + statistics.recordCount() + " records]";
    }

    static CorruptTableException corrupt(Path file, String part, RuntimeException e) {
        String problem = e instanceof BufferUnderflowException ? "ends before its last field" : e.getMessage();
        return new CorruptTableException(file, part, problem);
    }
}
