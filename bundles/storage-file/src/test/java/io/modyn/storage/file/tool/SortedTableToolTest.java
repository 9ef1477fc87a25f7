package io.modyn.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** modyn-sstable over the golden tables (GoldenTableTest documents their records). */
class SortedTableToolTest {

    @TempDir
    Path directory;

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SortedTableTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path golden(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/v2/tables/" + name)) {
            return Files.write(directory.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void dumpPrintsOneJsonLinePerRecordInKeyOrder() throws IOException {
        Run dump = run("dump", golden("00000000000000000007.sst").toString());
        assertEquals(0, dump.status(), dump.err());
        List<String> lines = dump.lines();
        assertEquals(23, lines.size());
        assertEquals("{\"token\":-4192475849746331044,\"partition\":\"616c696365\",\"sort\":\"323032342d3031\",\"sequence\":4294967320,"
                + "\"tombstone\":false,\"value\":\"Zmlyc3Q=\"}", lines.get(0));
        assertEquals("{\"token\":-4192475849746331044,\"partition\":\"616c696365\",\"sort\":\"323032342d3032\",\"sequence\":8589934692,"
                + "\"tombstone\":true,\"value\":null}", lines.get(1));
        assertTrue(lines.get(22).contains("\"partition\":\"626f62\",\"sort\":\"\",\"sequence\":4294967356,\"tombstone\":false,\"value\":\"AAEC/w==\""),
                lines.get(22));
    }

    @Test
    void verifyReportsEachFileAndFailsOnADamagedOne() throws IOException {
        Path good = golden("00000000000000000007.sst");
        Path other = golden("00000000000000000008.sst");
        Run ok = run("verify", good.toString(), other.toString());
        assertEquals(0, ok.status(), ok.out());
        assertEquals(2, ok.lines().size());
        assertTrue(ok.lines().get(0).startsWith("OK " + good + ": generation 7, level 1, 23 records (1 tombstones) in 3 partitions"), ok.out());

        byte[] bytes = Files.readAllBytes(other);
        bytes[40] ^= 4;
        Files.write(other, bytes);
        Run damaged = run("verify", good.toString(), other.toString());
        assertEquals(1, damaged.status());
        assertTrue(damaged.lines().get(0).startsWith("OK "), damaged.out());
        assertEquals("CORRUPT " + other + ": block 0 at offset 24: CRC mismatch", damaged.lines().get(1));

        Run missing = run("verify", directory.resolve("absent.sst").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.out().startsWith("CORRUPT "), missing.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run().status());
        assertEquals(2, run("dump").status());
        Run unknown = run("list", "x");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown command 'list'"), unknown.err());
        assertEquals(0, run("--help").status());
    }
}
