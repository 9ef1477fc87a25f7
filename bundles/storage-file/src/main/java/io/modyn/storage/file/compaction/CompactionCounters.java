package io.modyn.storage.file.compaction;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the compactions of a {@link Compactor} did, for its statistics; thread-safe. */
final class CompactionCounters {

    final AtomicInteger running = new AtomicInteger();
    final AtomicLong compactions = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong tombstonesPurged = new AtomicLong();

    /** Counts a compaction that was swapped in. */
    void replaced(CompactionTask.Outcome outcome) {
        compactions.incrementAndGet();
        bytesRead.addAndGet(outcome.bytesRead());
        bytesWritten.addAndGet(outcome.bytesWritten());
        tombstonesPurged.addAndGet(outcome.tombstonesPurged());
    }
}
