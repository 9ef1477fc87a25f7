package io.modyn.storage.file.sstable;

import io.modyn.api.storage.PartitionToken;
import io.modyn.storage.file.record.OrderedKey;
import java.nio.ByteBuffer;

/**
 * The table's Bloom filter: one bit array holding a hash of each partition and, for records with
 * a sort key, a hash of partition and sort together. GetItem of an item a table does not hold is
 * then answered without reading a block, even in a wide partition the table does hold.
 *
 * <p>The bit count is a power of two, so the writer can size the filter for the records it expects
 * and, when it has seen fewer, fold it in halves (OR the upper half into the lower) until it has
 * about {@code bitsPerKey} bits per entry: a bit index taken modulo a smaller power of two is the
 * same index folded. Hashes (FORMAT.md, "Bloom filter"): a partition's is its token; a record's
 * mixes the token with the sort bytes (FNV-1a) and finishes with the token's own finaliser
 * ({@link PartitionToken#mix}). Bit {@code i} of {@code k} is {@code (h + i * d) mod m}
 * with {@code d = rotateLeft(h, 32) | 1}.
 */
final class BloomFilter {

    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long MAX_BITS = 1L << 34;

    private long[] words;
    private final int hashCount;

    private BloomFilter(long[] words, int hashCount) {
        this.words = words;
        this.hashCount = hashCount;
    }

    /** A filter for up to {@code entries} entries at {@code bitsPerKey} bits each (rounded up to a power of two). */
    static BloomFilter sized(long entries, int bitsPerKey) {
        long bits = Long.highestOneBit(Math.max(64, Math.min(MAX_BITS, Math.max(1, Math.min(entries, 1L << 40)) * bitsPerKey)) * 2 - 1);
        return new BloomFilter(new long[(int) (bits / 64)], hashCountFor(bitsPerKey));
    }

    private static int hashCountFor(int bitsPerKey) {
        return (int) Math.max(1, Math.min(30, Math.round(bitsPerKey * Math.log(2))));
    }

    static long partitionHash(long token) {
        return token;
    }

    static long recordHash(OrderedKey key) {
        long h = key.token() ^ 0x9e3779b97f4a7c15L;
        for (byte b : key.sort()) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return PartitionToken.mix(h);
    }

    long bitCount() {
        return (long) words.length * 64;
    }

    void add(long hash) {
        long mask = bitCount() - 1;
        long delta = Long.rotateLeft(hash, 32) | 1;
        long h = hash;
        for (int i = 0; i < hashCount; i++) {
            long bit = h & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
            h += delta;
        }
    }

    boolean mightContain(long hash) {
        long mask = bitCount() - 1;
        long delta = Long.rotateLeft(hash, 32) | 1;
        long h = hash;
        for (int i = 0; i < hashCount; i++) {
            long bit = h & mask;
            if ((words[(int) (bit >>> 6)] & 1L << bit) == 0) return false;
            h += delta;
        }
        return true;
    }

    /** Halves the filter while it keeps at least {@code bitsPerKey} bits for each of {@code entries}. */
    void fold(long entries, int bitsPerKey) {
        while (words.length > 1 && bitCount() / 2 >= Math.max(64, entries * bitsPerKey)) {
            int half = words.length / 2;
            long[] folded = new long[half];
            for (int i = 0; i < half; i++) folded[i] = words[i] | words[i + half];
            words = folded;
        }
    }

    /** {@code hashCount:u8 | wordCount:int32 | words:int64*wordCount}, after the section's flags byte. */
    void encode(ByteSink out) {
        out.putByte(hashCount);
        out.putInt(words.length);
        for (long word : words) out.putLong(word);
    }

    static BloomFilter decode(ByteBuffer in) {
        int hashCount = in.get() & 0xff;
        int wordCount = in.getInt();
        if (hashCount < 1 || hashCount > 30) throw new IllegalArgumentException("hash count " + hashCount);
        if (wordCount < 1 || Integer.bitCount(wordCount) != 1 || wordCount > in.remaining() / 8) {
            throw new IllegalArgumentException("word count " + wordCount + " is not a power of two fitting the section");
        }
        long[] words = new long[wordCount];
        in.asLongBuffer().get(words);
        in.position(in.position() + wordCount * 8);
        return new BloomFilter(words, hashCount);
    }
}
