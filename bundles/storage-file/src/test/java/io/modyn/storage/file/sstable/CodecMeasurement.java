package io.modyn.storage.file.sstable;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * The measurement that chose the block codec (FORMAT.md, "Choice of codec"): LZ4 and Zstandard
 * over 64 KiB blocks of DynamoDB-like items, compression ratio and MB/s of uncompressed bytes per
 * second of thread CPU time (the machine is shared, so wall time would measure the neighbours).
 * A program, not a test: timings on a shared machine are not assertions.
 *
 * <pre>
 * mvn -B -ntp test-compile -pl bundles/storage-file -am
 * cd bundles/storage-file
 * java -cp "$HOME/.m2/repository/at/yawk/lz4/lz4-java/1.14.1/lz4-java-1.14.1.jar:$HOME/.m2/repository/com/github/luben/zstd-jni/1.5.7-21/zstd-jni-1.5.7-21.jar:target/test-classes:target/classes:../api/target/modyn-api-0.1.0-SNAPSHOT.jar" \
 *     io.modyn.storage.file.sstable.CodecMeasurement
 * </pre>
 * (lz4-java's own jar first, so that its JNI codec is found for comparison; the bundle embeds
 * only its classes.)
 *
 * <p>Items imitate the engine's ItemCodec encoding (tag bytes, varint lengths, attribute names
 * repeated in every item): orders with line items, user profiles, event logs with a text body,
 * and a share of binary attributes (random, incompressible, as a client-side encrypted blob is),
 * sized 1 KB to 400 KB.
 */
public final class CodecMeasurement {

    private static final String[] WORDS = ("the order shipped customer delivery address street city warehouse item quantity price "
            + "discount status pending delivered returned payment card invoice total tax region note gift wrap express standard "
            + "review rating comment product category electronics books garden kitchen sports size colour").split(" ");
    private static final String[] STATUSES = {"PENDING", "SHIPPED", "DELIVERED", "RETURNED", "CANCELLED"};

    private static final int WARM_UP = 4;
    private static final int ROUNDS = 5;

    private CodecMeasurement() {
    }

    public static void main(String[] args) {
        Random random = new Random(2026);
        List<byte[]> items = new ArrayList<>();
        long total = 0;
        while (total < 64L << 20) {
            byte[] item = item(random);
            items.add(item);
            total += item.length;
        }
        List<byte[]> blocks = blocks(items, 64 * 1024);
        System.out.printf(Locale.ROOT, "%d items, %.1f MiB, %d blocks (64 KiB target; larger items alone)%n", items.size(), total / 1048576.0, blocks.size());

        LZ4Factory safe = LZ4Factory.safeInstance();
        LZ4Factory fastest = LZ4Factory.fastestInstance();
        List<Codec> codecs = List.of(
                lz4("LZ4 (lz4-java safe, pure Java)", safe.fastCompressor(), safe.fastDecompressor()),
                lz4("LZ4 (lz4-java " + fastest + ")", fastest.fastCompressor(), fastest.fastDecompressor()),
                zstd(1), zstd(3));
        // Round-robin, so that every codec meets the same machine load; thread CPU time, not wall time.
        double[][] best = new double[codecs.size()][] ;
        byte[][][] compressed = new byte[codecs.size()][blocks.size()][];
        for (int round = 0; round < ROUNDS + WARM_UP; round++) {
            for (int c = 0; c < codecs.size(); c++) {
                Codec codec = codecs.get(c);
                long t0 = cpuNanos();
                for (int i = 0; i < blocks.size(); i++) compressed[c][i] = codec.compress(blocks.get(i));
                long t1 = cpuNanos();
                for (int i = 0; i < blocks.size(); i++) codec.decompress(compressed[c][i], blocks.get(i).length);
                long t2 = cpuNanos();
                if (round >= WARM_UP) {
                    double[] seconds = {(t1 - t0) / 1e9, (t2 - t1) / 1e9};
                    best[c] = best[c] == null ? seconds : new double[] {Math.min(best[c][0], seconds[0]), Math.min(best[c][1], seconds[1])};
                }
            }
        }
        for (int c = 0; c < codecs.size(); c++) report(codecs.get(c).name(), blocks, compressed[c], best[c]);
    }

    private interface Codec {
        String name();

        byte[] compress(byte[] block);

        void decompress(byte[] stored, int length);
    }

    private static Codec lz4(String name, LZ4Compressor compressor, LZ4FastDecompressor decompressor) {
        return new Codec() {
            public String name() {
                return name;
            }

            public byte[] compress(byte[] b) {
                byte[] out = new byte[compressor.maxCompressedLength(b.length)];
                return java.util.Arrays.copyOf(out, compressor.compress(b, 0, b.length, out, 0, out.length));
            }

            public void decompress(byte[] stored, int length) {
                decompressor.decompress(stored, 0, new byte[length], 0, length);
            }
        };
    }

    private static Codec zstd(int level) {
        return new Codec() {
            public String name() {
                return "Zstandard level " + level + " (zstd-jni, native)";
            }

            public byte[] compress(byte[] b) {
                return Zstd.compress(b, level);
            }

            public void decompress(byte[] stored, int length) {
                Zstd.decompress(stored, length);
            }
        };
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void report(String name, List<byte[]> blocks, byte[][] compressed, double[] seconds) {
        long raw = 0;
        long stored = 0;
        for (int i = 0; i < blocks.size(); i++) {
            raw += blocks.get(i).length;
            stored += compressed[i].length;
        }
        double mb = raw / 1e6;
        System.out.printf(Locale.ROOT, "| %-40s | %.2f | %6.0f | %6.0f |%n", name, (double) raw / stored, mb / seconds[0], mb / seconds[1]);
    }

    /** Items packed into blocks as the writer packs records; an item larger than a block alone. */
    private static List<byte[]> blocks(List<byte[]> items, int blockSize) {
        List<byte[]> blocks = new ArrayList<>();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (byte[] item : items) {
            if (block.size() > 0 && block.size() + item.length > blockSize) {
                blocks.add(block.toByteArray());
                block.reset();
            }
            block.write(item, 0, item.length);
            if (block.size() >= blockSize) {
                blocks.add(block.toByteArray());
                block.reset();
            }
        }
        if (block.size() > 0) blocks.add(block.toByteArray());
        return blocks;
    }

    /** One item: mostly 1–4 KB, some up to 50 KB, one in fifty near 400 KB. */
    static byte[] item(Random random) {
        int roll = random.nextInt(100);
        int target = roll < 80 ? 1000 + random.nextInt(3000) : roll < 98 ? 4000 + random.nextInt(46_000) : 300_000 + random.nextInt(100_000);
        Encoder out = new Encoder();
        out.raw(1);
        int kind = random.nextInt(3);
        out.attribute("pk", UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString());
        out.attribute("sk", kind == 0 ? "ORDER#" + (100000 + random.nextInt(900000)) : kind == 1 ? "PROFILE" : "EVENT#" + (1700000000000L + random.nextInt(1 << 30)));
        out.attribute("createdAt", String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:%02dZ", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60)));
        out.attribute("status", STATUSES[random.nextInt(STATUSES.length)]);
        out.number("version", Integer.toString(random.nextInt(50)));
        int line = 0;
        while (out.size() < target) {
            switch (kind) {
                case 0 -> {
                    out.name("lineItem" + line++);
                    out.raw(8);
                    out.attribute("sku", "SKU-" + (10000 + random.nextInt(90000)));
                    out.number("quantity", Integer.toString(1 + random.nextInt(9)));
                    out.number("price", (1 + random.nextInt(500)) + "." + random.nextInt(100));
                    out.attribute("description", words(random, 5 + random.nextInt(20)));
                }
                case 1 -> {
                    if (random.nextInt(4) == 0) {
                        byte[] blob = new byte[200 + random.nextInt(800)];
                        random.nextBytes(blob);
                        out.binary("avatar" + line++, blob);
                    } else {
                        out.attribute("preference" + line++, words(random, 3 + random.nextInt(10)));
                    }
                }
                default -> out.attribute("body" + line++, words(random, 50 + random.nextInt(200)));
            }
        }
        return out.toByteArray();
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        if (random.nextInt(3) == 0) text.append(" #").append(random.nextInt(1_000_000));
        return text.toString();
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        Bytes.putLong(bytes, 0, value);
        return bytes;
    }

    /** The engine's item encoding, reduced to what the generator needs. */
    private static final class Encoder extends ByteArrayOutputStream {

        void raw(int b) {
            write(b);
        }

        void varint(int value) {
            int v = value;
            while ((v & ~0x7f) != 0) {
                write((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        void name(String name) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            write(utf8, 0, utf8.length);
        }

        void attribute(String name, String value) {
            name(name);
            write(1);
            name(value);
        }

        void number(String name, String text) {
            name(name);
            write(2);
            name(text);
        }

        void binary(String name, byte[] value) {
            name(name);
            write(3);
            varint(value.length);
            write(value, 0, value.length);
        }
    }
}
