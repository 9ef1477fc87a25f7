package io.modyn.storage.file.sstable;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * How a data block's bytes are stored. The id is written in each block, so a table may mix
 * compressions (a block that does not shrink is stored as {@link #NONE}) and a reader decodes any
 * block whatever the writer's setting.
 *
 * <p>LZ4 runs through lz4-java's pure-Java "safe" codec: it needs no native library (none to
 * extract or load inside the OSGi framework) and cannot read outside its arrays on damaged input.
 * Why LZ4 and not Zstandard: FORMAT.md, "Choice of codec", has the measurement.
 */
public enum Compression {
    NONE(0),
    LZ4(1);

    private static final LZ4Factory LZ4_CODECS = LZ4Factory.safeInstance();
    private static final LZ4Compressor LZ4_COMPRESSOR = LZ4_CODECS.fastCompressor();
    private static final LZ4FastDecompressor LZ4_DECOMPRESSOR = LZ4_CODECS.fastDecompressor();

    private final int id;

    Compression(int id) {
        this.id = id;
    }

    /** The byte written in each block. */
    public int id() {
        return id;
    }

    public static Compression ofId(int id) {
        for (Compression compression : values()) {
            if (compression.id == id) return compression;
        }
        return null;
    }

    /** Room {@link #compress} may need for {@code length} bytes. */
    int maxCompressedLength(int length) {
        return this == LZ4 ? LZ4_COMPRESSOR.maxCompressedLength(length) : length;
    }

    /**
     * Compresses {@code length} bytes of {@code source} into {@code target} at {@code offset},
     * which has {@link #maxCompressedLength} bytes of room; returns the compressed length, which
     * may exceed {@code length}.
     */
    int compress(byte[] source, int length, byte[] target, int offset) {
        if (this == LZ4) return LZ4_COMPRESSOR.compress(source, 0, length, target, offset, target.length - offset);
        System.arraycopy(source, 0, target, offset, length);
        return length;
    }

    /**
     * Restores exactly {@code target.length} bytes from {@code length} stored bytes.
     *
     * @throws IllegalArgumentException if the stored bytes do not decode to that length
     */
    void decompress(byte[] source, int offset, int length, byte[] target) {
        switch (this) {
            case LZ4 -> {
                int read;
                try {
                    read = LZ4_DECOMPRESSOR.decompress(source, offset, target, 0, target.length);
                } catch (RuntimeException damaged) {
                    throw new IllegalArgumentException("LZ4 data does not decode: " + damaged.getMessage(), damaged);
                }
                if (read != length) throw new IllegalArgumentException("LZ4 data is " + read + " bytes, stored " + length);
            }
            default -> {
                if (length != target.length) throw new IllegalArgumentException("stored " + length + " bytes for " + target.length);
                System.arraycopy(source, offset, target, 0, length);
            }
        }
    }
}
