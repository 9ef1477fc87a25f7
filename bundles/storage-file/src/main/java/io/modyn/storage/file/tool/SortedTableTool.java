package io.modyn.storage.file.tool;

import io.modyn.storage.file.record.RecordIterator;
import io.modyn.storage.file.record.VersionedRecord;
import io.modyn.storage.file.sstable.CorruptTableException;
import io.modyn.storage.file.sstable.SortedTable;
import io.modyn.storage.file.sstable.TableStatistics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The operator's view of sorted-table files ({@code bin/modyn-sstable}), run with the server
 * stopped or on a copy: tables are immutable, so reading a live one is safe too.
 *
 * <ul>
 *   <li>{@code dump FILE}: every record as one JSON object per line, in key order:
 *       {@code {"token":-5,"partition":"616c696365","sort":"","sequence":42,"tombstone":false,"value":"AQI="}}.
 *       Partition and sort are hex (storage bytes, compared as unsigned, so hex sorts as the table
 *       does and stays exact), the value base64 (null for a tombstone). The token is the
 *       partition's position in the key order; the sequence is the commit-log position of the
 *       write (segment id times 2^32 plus offset).</li>
 *   <li>{@code verify FILE...}: checks header, footer, every section's and every block's CRC,
 *       the record order and the counts; one line per file, {@code OK} with a summary or
 *       {@code CORRUPT} with the damaged part. Exit status 0 if all are sound, 1 if any is not.</li>
 * </ul>
 * Exit status 2 for a usage error.
 */
public final class SortedTableTool {

    private static final String USAGE = """
            Usage: modyn-sstable dump FILE
                   modyn-sstable verify FILE...

              dump     print the records of a sorted table (.sst) as JSON lines: partition and sort
                       key bytes in hex, sequence, tombstone flag, value in base64 (null if a tombstone)
              verify   check every CRC (header, footer, sections, each data block), the key order and
                       the record counts of each file; exit status 0 if all are sound, 1 otherwise
            """;

    private SortedTableTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length == 2 && args[0].equals("dump")) return dump(Path.of(args[1]), out, err);
        if (args.length >= 2 && args[0].equals("verify")) {
            int status = 0;
            for (int i = 1; i < args.length; i++) status = Math.max(status, verify(Path.of(args[i]), out));
            return status;
        }
        err.println(args.length > 0 && !args[0].equals("dump") && !args[0].equals("verify")
                ? "modyn-sstable: unknown command '" + args[0] + "'" : "modyn-sstable: wrong arguments");
        err.print(USAGE);
        return 2;
    }

    private static int dump(Path file, PrintStream out, PrintStream err) {
        SortedTable table;
        try {
            table = SortedTable.open(file, null);
        } catch (IOException e) {
            err.println("modyn-sstable: " + problem(file, e));
            return 1;
        }
        try (RecordIterator records = table.all()) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            while (records.hasNext()) {
                writer.write(json(records.next()));
                writer.write('\n');
            }
            writer.flush();
            return 0;
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            err.println("modyn-sstable: " + problem(file, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
            return 1;
        } finally {
            table.release();
        }
    }

    /** A corruption names file and part already; other failures (permissions, a directory) get the file named. */
    private static String problem(Path file, IOException e) {
        return e instanceof CorruptTableException ? e.getMessage() : file + ": " + e;
    }

    static String json(VersionedRecord record) {
        HexFormat hex = HexFormat.of();
        return "{\"token\":" + record.key().token()
                + ",\"partition\":\"" + hex.formatHex(record.key().partition())
                + "\",\"sort\":\"" + hex.formatHex(record.key().sort())
                + "\",\"sequence\":" + record.sequence()
                + ",\"tombstone\":" + record.isTombstone()
                + ",\"value\":" + (record.isTombstone() ? "null" : "\"" + Base64.getEncoder().encodeToString(record.value()) + "\"")
                + "}";
    }

    private static int verify(Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            out.println("CORRUPT " + file + ": no such file");
            return 1;
        }
        SortedTable table;
        try {
            table = SortedTable.open(file, null);
        } catch (IOException e) {
            out.println("CORRUPT " + problem(file, e));
            return 1;
        }
        try {
            table.verify();
            TableStatistics s = table.statistics();
            out.printf("OK %s: generation %d, level %d, %d records (%d tombstones) in %d partitions, %d blocks, %d bytes (%d uncompressed), sequences %d..%d%n",
                    file, table.generation(), table.level(), s.recordCount(), s.tombstoneCount(), table.partitionCount(), table.blockCount(),
                    s.fileBytes(), table.uncompressedDataBytes(), s.minSequence(), s.maxSequence());
            return 0;
        } catch (IOException e) {
            out.println("CORRUPT " + problem(file, e));
            return 1;
        } finally {
            table.release();
        }
    }
}
