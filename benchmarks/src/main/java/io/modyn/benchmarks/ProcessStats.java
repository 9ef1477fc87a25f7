package io.modyn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux counts for a process: CPU time from {@code /proc/<pid>/stat} (utime + stime, all threads)
 * and bytes it caused to be written to storage from {@code /proc/<pid>/io} ({@code write_bytes}: page
 * cache write-back and direct writes, the figure write amplification is made of). A reading that
 * cannot be made (another user's process, an exited one) is -1, and the figures built on it say n/a.
 */
final class ProcessStats {

    private static final long NANOS_PER_TICK = 1_000_000_000L / 100; // USER_HZ is 100 on Linux

    private ProcessStats() {
    }

    /** CPU time (user + system) in nanoseconds, or -1. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Bytes written to storage on the process's behalf so far, or -1. */
    static long writeBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("write_bytes:")) return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size in bytes, or -1. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long selfPid() {
        return ProcessHandle.current().pid();
    }

    static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }
}
