package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import java.util.NoSuchElementException;

/**
 * Records of one table between two bounds, ascending or descending, read block by block: it holds
 * one block at a time (shared with the cache when cached), so a scan of a table of any size takes
 * the memory of one block. It holds a reference to the table from creation until {@link #close()}.
 *
 * <p>Blocks it reads go to the block cache only for its first {@link #CACHE_FILL_BYTES}: a Query
 * page (at most 1 MB of items in DynamoDB) is cached like a GetItem, while a Scan streaming on
 * past that reads through the cache without evicting the blocks that point reads keep hot.
 */
final class TableIterator implements RecordIterator {

    static final int CACHE_FILL_BYTES = 1 << 20;

    private final SortedTable table;
    private final OrderedKey from;
    private final boolean fromInclusive;
    private final OrderedKey to;
    private final boolean toInclusive;
    private final boolean descending;
    private final boolean fillCache;

    private boolean started;
    private boolean done;
    private boolean closed;
    private int blockNumber;
    private Block block;
    private int index;
    private VersionedRecord next;
    private byte[] previousPartition;
    private long blockBytesRead;

    TableIterator(SortedTable table, OrderedKey from, boolean fromInclusive, OrderedKey to, boolean toInclusive,
            boolean descending, boolean fillCache) {
        this.table = table;
        this.from = from;
        this.fromInclusive = fromInclusive;
        this.to = to;
        this.toInclusive = toInclusive;
        this.descending = descending;
        this.fillCache = fillCache;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            if (closed) throw new IllegalStateException("iterator closed");
            next = advance();
        }
        return next != null;
    }

    @Override
    public VersionedRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        VersionedRecord record = next;
        next = null;
        return record;
    }

    private VersionedRecord advance() {
        if (!started) {
            started = true;
            if (!start()) return finish();
        } else {
            index += descending ? -1 : 1;
        }
        while (index < 0 || index >= block.count()) {
            blockNumber += descending ? -1 : 1;
            if (blockNumber < 0 || blockNumber >= table.blockCount()) return finish();
            block = load(blockNumber);
            index = descending ? block.count() - 1 : 0;
        }
        if (descending) {
            if (from != null) {
                int c = block.compareKey(index, from);
                if (c < 0 || (c == 0 && !fromInclusive)) return finish();
            }
        } else if (to != null) {
            int c = block.compareKey(index, to);
            if (c > 0 || (c == 0 && !toInclusive)) return finish();
        }
        VersionedRecord record = block.record(index, previousPartition);
        previousPartition = record.key().partition();
        return record;
    }

    /** Positions on the first record to return, or just beside it in the block; false if there is none. */
    private boolean start() {
        if (table.blockCount() == 0) return false;
        if (!descending) {
            blockNumber = from == null ? 0 : Math.max(0, table.blockOf(from));
            block = load(blockNumber);
            index = from == null ? 0 : block.firstFrom(from, fromInclusive);
        } else {
            blockNumber = to == null ? table.blockCount() - 1 : table.blockOf(to);
            if (blockNumber < 0) return false;
            block = load(blockNumber);
            index = to == null ? block.count() - 1 : block.firstFrom(to, !toInclusive) - 1;
        }
        return true;
    }

    private Block load(int number) {
        Block loaded = table.block(number, fillCache && blockBytesRead < CACHE_FILL_BYTES);
        blockBytesRead += loaded.memoryBytes();
        return loaded;
    }

    private VersionedRecord finish() {
        done = true;
        block = null;
        return null;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        done = true;
        block = null;
        next = null;
        table.release();
    }
}
