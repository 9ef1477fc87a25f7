package io.modyn.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the server is flushing a memtable or compacting tables right now, read from the lines
 * its log gains while a workload runs: {@code Flush started} / {@code Flush finished} (or
 * {@code failed}, {@code aborted}), the same with {@code Compaction}, anywhere in a line, any case. The log is read
 * every few milliseconds, so a request is counted "during a flush" with that much slack; requests
 * are classified by the state when they start and when they end. A server that logs no such lines
 * is never busy here, and the report falls back to the second with the most disk writes.
 */
final class ServerActivity implements AutoCloseable {

    static final int FLUSH = 1;
    static final int COMPACTION = 2;

    private static final Pattern EVENT = Pattern.compile("(?i)\\b(flush|compaction) (started|finished|failed|aborted)\\b");
    private static final long POLL_MILLIS = 5;

    private final Path log;
    private final long startPosition;
    private final AtomicInteger flushes = new AtomicInteger();
    private final AtomicInteger compactions = new AtomicInteger();
    private final AtomicInteger flushesStarted = new AtomicInteger();
    private final AtomicInteger compactionsStarted = new AtomicInteger();
    private volatile int state;
    private volatile boolean closed;
    private Thread reader;

    private ServerActivity(Path log, long startPosition) {
        this.log = log;
        this.startPosition = startPosition;
    }

    /** Starts following {@code log} from its current end. */
    static ServerActivity follow(Path log) throws IOException {
        // The end is taken here, not on the reader thread, so that a line written after this call always counts.
        ServerActivity activity = new ServerActivity(log, Files.exists(log) ? Files.size(log) : 0);
        activity.reader = new Thread(activity::readLoop, "log-activity");
        activity.reader.setDaemon(true);
        activity.reader.start();
        return activity;
    }

    /** A server whose activity is not known: never busy. */
    static ServerActivity none() {
        return new ServerActivity(null, 0);
    }

    /** {@link #FLUSH} and {@link #COMPACTION} bits of what runs now. */
    int state() {
        return state;
    }

    int flushesStarted() {
        return flushesStarted.get();
    }

    int compactionsStarted() {
        return compactionsStarted.get();
    }

    /** Applies one log line; public to the package so that tests can feed lines. */
    void line(String text) {
        Matcher matcher = EVENT.matcher(text);
        if (!matcher.find()) return;
        boolean flush = matcher.group(1).equalsIgnoreCase("flush");
        boolean started = matcher.group(2).equalsIgnoreCase("started");
        AtomicInteger running = flush ? flushes : compactions;
        if (started) {
            running.incrementAndGet();
            (flush ? flushesStarted : compactionsStarted).incrementAndGet();
        } else {
            running.updateAndGet(n -> Math.max(0, n - 1)); // a finish whose start came before we followed
        }
        state = (flushes.get() > 0 ? FLUSH : 0) | (compactions.get() > 0 ? COMPACTION : 0);
    }

    private void readLoop() {
        try {
            long position = startPosition;
            StringBuilder pending = new StringBuilder();
            byte[] buffer = new byte[64 * 1024];
            while (!closed) {
                if (Files.exists(log)) {
                    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                        if (file.length() < position) position = 0; // replaced
                        file.seek(position);
                        int read;
                        while ((read = file.read(buffer)) > 0) {
                            position += read;
                            pending.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                            int newline;
                            while ((newline = pending.indexOf("\n")) >= 0) {
                                line(pending.substring(0, newline));
                                pending.delete(0, newline + 1);
                            }
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException e) {
            // following stops; the state stays as last read
        }
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) reader.interrupt();
    }
}
