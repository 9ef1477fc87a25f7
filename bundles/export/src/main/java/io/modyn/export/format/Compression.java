package io.modyn.export.format;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * ImportTable's InputCompressionType: GZIP, ZSTD or NONE. Zstandard is decoded by aircompressor,
 * a pure-Java codec (no native library to load inside an OSGi bundle), embedded in this bundle.
 */
public enum Compression {
    GZIP, ZSTD, NONE;

    /** The compression a request names; null means NONE. */
    public static Compression of(String name) {
        return name == null ? NONE : valueOf(name);
    }

    /** The decompressed stream of {@code compressed}. */
    public InputStream decompress(InputStream compressed) throws IOException {
        return switch (this) {
            case GZIP -> new GZIPInputStream(compressed, 64 * 1024);
            case ZSTD -> new ZstdInputStream(compressed);
            case NONE -> compressed;
        };
    }
}
