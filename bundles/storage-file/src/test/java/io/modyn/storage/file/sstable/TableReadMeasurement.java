package io.modyn.storage.file.sstable;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Write, GetItem and scan speed of one table of generated items (CodecMeasurement's), for the
 * figures in the report: a program, not a test, timed in thread CPU time. Arguments: item count
 * (default 100000).
 * GetItem is timed with every block cached (the ≤ 40 µs target is for cached reads) and with
 * no cache (every get reads and decompresses a block). Run like {@link CodecMeasurement}, with
 * {@code io.modyn.storage.file.sstable.TableReadMeasurement [items]}.
 */
public final class TableReadMeasurement {

    private TableReadMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(1);
        List<VersionedRecord> records = new ArrayList<>(count);
        long valueBytes = 0;
        for (int i = 0; i < count; i++) {
            // Wide and narrow partitions: 1 to 50 sort keys each.
            byte[] partition = ("customer#" + (i / (1 + i % 50))).getBytes(StandardCharsets.UTF_8);
            byte[] sort = String.format("order#%08d", i).getBytes(StandardCharsets.UTF_8);
            byte[] value = random.nextInt(50) == 0 ? CodecMeasurement.item(random) : smallItem(random);
            valueBytes += value.length;
            records.add(new VersionedRecord(OrderedKey.of(partition, sort), i + 1L, value));
        }
        records.sort((a, b) -> a.key().compareTo(b.key()));
        List<VersionedRecord> unique = new ArrayList<>();
        for (VersionedRecord r : records) if (unique.isEmpty() || !unique.get(unique.size() - 1).key().equals(r.key())) unique.add(r);
        Path directory = Files.createTempDirectory("sstable-measure");
        for (Compression compression : Compression.values()) {
            BlockCache cache = new BlockCache(1L << 30);
            long start = cpuNanos();
            SortedTable table = Tables.write(directory, 1 + compression.ordinal(), SortedTableOptions.defaults().withCompression(compression), unique, cache);
            double writeSeconds = (cpuNanos() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d records, %.1f MB of values, file %.1f MB (%d blocks), write %.0f MB/s%n", compression, unique.size(),
                    valueBytes / 1e6, table.statistics().fileBytes() / 1e6, table.blockCount(), table.uncompressedDataBytes() / 1e6 / writeSeconds);
            for (int round = 0; round < 3; round++) {
                start = cpuNanos();
                long bytes = 0;
                try (RecordIterator all = table.range(null, true, null, true, round % 2 == 1)) {
                    while (all.hasNext()) bytes += all.next().size();
                }
                double seconds = (cpuNanos() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  scan %s (cache %s): %.0f MB/s%n", round % 2 == 1 ? "descending" : "ascending", round == 0 ? "cold" : "warm", bytes / 1e6 / seconds);
            }
            timeGets("  get, every block cached", table, unique, random, 5);
            table.release();
            SortedTable uncached = SortedTable.open(directory.resolve(SortedTableFiles.fileName(1 + compression.ordinal())), null);
            timeGets("  get, no cache (read + decompress a block)", uncached, unique, random, 2);
            uncached.release();
        }
    }

    private static void timeGets(String name, SortedTable table, List<VersionedRecord> records, Random random, int rounds) {
        double best = Double.MAX_VALUE;
        int gets = Math.min(200_000, records.size() * 2);
        for (int round = 0; round < rounds; round++) {
            long start = cpuNanos();
            for (int i = 0; i < gets; i++) {
                if (table.get(records.get(random.nextInt(records.size())).key()) == null) throw new AssertionError("missing record");
            }
            best = Math.min(best, (cpuNanos() - start) / 1e3 / gets);
        }
        double missing = 0;
        long start = cpuNanos();
        for (int i = 0; i < gets; i++) {
            OrderedKey absent = OrderedKey.of(("customer#" + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8), ("x" + i).getBytes(StandardCharsets.UTF_8));
            if (table.get(absent) != null) throw new AssertionError();
        }
        missing = (cpuNanos() - start) / 1e3 / gets;
        System.out.printf(Locale.ROOT, "%s: %.2f µs per present item, %.2f µs per absent item%n", name, best, missing);
    }

    /** Thread CPU time: the build machine is shared, wall time would measure the neighbours. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static byte[] smallItem(Random random) {
        StringBuilder item = new StringBuilder("{\"status\":\"SHIPPED\",\"total\":").append(random.nextInt(100000))
                .append(",\"address\":\"").append(random.nextInt(9999)).append(" Main Street\",\"lines\":[");
        int lines = 1 + random.nextInt(8);
        for (int i = 0; i < lines; i++) item.append("{\"sku\":\"SKU-").append(random.nextInt(99999)).append("\",\"quantity\":").append(1 + random.nextInt(5)).append("},");
        return item.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
