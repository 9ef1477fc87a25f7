package io.modyn.itests.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident memory of a process (VmRSS in {@code /proc/<pid>/status}, Linux) every few
 * hundred milliseconds on a daemon thread and keeps the peak; {@link #highWaterMark} reads the
 * kernel's own peak (VmHWM), which also counts what happened between samples.
 */
final class ResidentMemorySampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 200;

    private final long pid;
    private final AtomicLong peakKilobytes = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;

    private ResidentMemorySampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sample, "rss-sampler-" + pid);
        thread.setDaemon(true);
    }

    static ResidentMemorySampler start(long pid) {
        ResidentMemorySampler sampler = new ResidentMemorySampler(pid);
        sampler.sampleOnce();
        sampler.thread.start();
        return sampler;
    }

    /** The largest VmRSS sampled so far, in MB. */
    long peakMegabytes() {
        return peakKilobytes.get() / 1024;
    }

    long sampleCount() {
        return samples.get();
    }

    /** VmHWM, the process's peak resident memory as the kernel counted it, in MB (-1 once the process is gone). */
    long highWaterMarkMegabytes() {
        long kilobytes = statusField("VmHWM");
        return kilobytes < 0 ? -1 : kilobytes / 1024;
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        while (!stopping) {
            sampleOnce();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        long kilobytes = statusField("VmRSS");
        if (kilobytes < 0) return;
        samples.incrementAndGet();
        peakKilobytes.accumulateAndGet(kilobytes, Math::max);
    }

    /** A {@code kB} field of /proc/<pid>/status, or -1 if the process is gone. */
    private long statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
