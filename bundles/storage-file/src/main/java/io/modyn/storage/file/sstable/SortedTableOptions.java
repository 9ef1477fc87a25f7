package io.modyn.storage.file.sstable;

/**
 * How a sorted table is written: the uncompressed size data blocks are cut at (a larger record
 * gets a block of its own), their compression, and the Bloom filter's bits per key (10 gives
 * about 1% false positives). Reading needs none of these: the file says how it was written.
 */
public record SortedTableOptions(int blockSizeBytes, Compression compression, int bloomBitsPerKey) {

    /**
     * 16 KiB, as Cassandra's default compression chunk since 4.0: a point read or a short Query that
     * misses the block cache decompresses a quarter of what 64 KiB blocks cost (measured: Query of ten
     * 1 KB items over 256 MB, 327 to 187 µs of server CPU), and Scan loses nothing.
     */
    public static final int DEFAULT_BLOCK_SIZE = 16 * 1024;
    public static final int DEFAULT_BLOOM_BITS_PER_KEY = 10;

    public SortedTableOptions {
        if (blockSizeBytes < 256 || blockSizeBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("block size must be 256 bytes to 64 MiB, not " + blockSizeBytes);
        }
        if (compression == null) throw new IllegalArgumentException("compression is required");
        if (bloomBitsPerKey < 1 || bloomBitsPerKey > 32) {
            throw new IllegalArgumentException("Bloom filter bits per key must be 1 to 32, not " + bloomBitsPerKey);
        }
    }

    public static SortedTableOptions defaults() {
        return new SortedTableOptions(DEFAULT_BLOCK_SIZE, Compression.LZ4, DEFAULT_BLOOM_BITS_PER_KEY);
    }

    public SortedTableOptions withBlockSize(int bytes) {
        return new SortedTableOptions(bytes, compression, bloomBitsPerKey);
    }

    public SortedTableOptions withCompression(Compression value) {
        return new SortedTableOptions(blockSizeBytes, value, bloomBitsPerKey);
    }

    public SortedTableOptions withBloomBitsPerKey(int bits) {
        return new SortedTableOptions(blockSizeBytes, compression, bits);
    }
}
