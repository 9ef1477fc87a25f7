package io.modyn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerActivityTest {

    @Test
    void flushAndCompactionLinesSetAndClearTheState() {
        ServerActivity activity = ServerActivity.none();
        activity.line("2026-12-07 18:00:00.000 INFO    io.modyn.storage.file.flush.Flusher: Flush started: keyspace t, 4 MB");
        assertEquals(ServerActivity.FLUSH, activity.state());
        activity.line("... Compaction started: keyspace t, 4 tables");
        assertEquals(ServerActivity.FLUSH | ServerActivity.COMPACTION, activity.state());
        activity.line("... flush finished: keyspace t, table 12");
        assertEquals(ServerActivity.COMPACTION, activity.state());
        activity.line("... Compaction aborted: keyspace t dropped");
        assertEquals(0, activity.state());
        activity.line("... Flush started: keyspace t");
        activity.line("... Flush failed: keyspace t, retrying in 1000 ms");
        assertEquals(0, activity.state());
        assertEquals(2, activity.flushesStarted());
        assertEquals(1, activity.compactionsStarted());
    }

    @Test
    void overlappingFlushesKeepTheStateUntilTheLastEnds() {
        ServerActivity activity = ServerActivity.none();
        activity.line("Flush started: a");
        activity.line("Flush started: b");
        activity.line("Flush finished: a");
        assertEquals(ServerActivity.FLUSH, activity.state());
        activity.line("Flush finished: b");
        activity.line("Flush finished: c, begun before the benchmark followed the log");
        assertEquals(0, activity.state());
    }

    @Test
    void otherLinesChangeNothing() {
        ServerActivity activity = ServerActivity.none();
        activity.line("Flushing is configured with 64 MB memtables");
        activity.line("compaction strategy: size-tiered");
        assertEquals(0, activity.state());
    }

    @Test
    void linesAppendedToTheLogAreFollowed(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("server.log");
        Files.writeString(log, "Flush started: before we followed\n");
        try (ServerActivity activity = ServerActivity.follow(log)) {
            Files.writeString(log, "Compaction started: x\n", StandardOpenOption.APPEND);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (activity.state() != ServerActivity.COMPACTION && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(ServerActivity.COMPACTION, activity.state(), "only lines written after follow() count");
        }
    }
}
