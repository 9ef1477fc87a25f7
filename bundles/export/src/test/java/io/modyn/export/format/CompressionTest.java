package io.modyn.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressionTest {

    private static final String TEXT = "{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n".repeat(10_000);

    @Test
    void gzipIsDecompressed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(TEXT, read(Compression.GZIP.decompress(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void zstdIsDecompressed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(bytes)) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(TEXT, read(Compression.ZSTD.decompress(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void noneAndAbsentPassThrough() throws IOException {
        assertEquals(Compression.NONE, Compression.of(null));
        assertEquals(TEXT, read(Compression.NONE.decompress(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)))));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
