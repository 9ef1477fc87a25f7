package io.modyn.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load phase: writes the dataset's loaded items with BatchWriteItem (25 items a request) from
 * every client, so that reads find their items and the data directory holds the size asked for.
 * A batch with unprocessed items is sent again whole (its puts are idempotent).
 */
final class DataLoader {

    static final int BATCH = 25;

    /** What loading cost: time, and the server's disk writes against the item bytes written. */
    record Result(long items, Duration elapsed, long logicalBytes, long serverWriteBytes, long serverCpuNanos) {
        double itemsPerSecond() {
            return items / (elapsed.toNanos() / 1e9);
        }
    }

    private DataLoader() {
    }

    static Result load(ServerUnderTest server, Dataset dataset, int clients) throws InterruptedException {
        long batches = (dataset.loadedItems() + BATCH - 1) / BATCH;
        AtomicLong nextBatch = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long writesBefore = ProcessStats.writeBytes(server.pid());
        long cpuBefore = ProcessStats.cpuNanos(server.pid());
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    loadBatches(server, dataset, nextBatch, batches);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    nextBatch.set(batches); // the others stop too
                }
            }, "loader-" + c);
            threads.add(thread);
            thread.start();
        }
        Thread progress = progress(nextBatch, batches, start);
        for (Thread thread : threads) thread.join();
        progress.interrupt();
        if (failure.get() != null) throw new IllegalStateException("loading " + server.name() + " failed", failure.get());
        long items = dataset.loadedItems();
        return new Result(items, Duration.ofNanos(System.nanoTime() - start), items * dataset.itemBytes(),
                ProcessStats.delta(writesBefore, ProcessStats.writeBytes(server.pid())),
                ProcessStats.delta(cpuBefore, ProcessStats.cpuNanos(server.pid())));
    }

    private static void loadBatches(ServerUnderTest server, Dataset dataset, AtomicLong nextBatch, long batches)
            throws IOException, InterruptedException {
        RequestTemplate.Builder builder = RequestTemplate.builder("BatchWriteItem").text("{\"RequestItems\":{\"" + dataset.table() + "\":[");
        for (int i = 0; i < BATCH; i++) {
            dataset.item(builder.text(i == 0 ? "{\"PutRequest\":{\"Item\":" : ",{\"PutRequest\":{\"Item\":")).text("}}");
        }
        RequestTemplate template = builder.text("]}}").build(server.host());
        try (HttpConnection connection = new HttpConnection(server.address())) {
            long batch;
            while ((batch = nextBatch.getAndIncrement()) < batches) {
                for (int i = 0; i < BATCH; i++) {
                    // The last batch wraps around to items already written: same keys, same size, idempotent.
                    long item = (batch * BATCH + i) % dataset.loadedItems();
                    template.setDigits(3 * i, item / Dataset.ITEMS_PER_PARTITION);
                    template.setDigits(3 * i + 1, item % Dataset.ITEMS_PER_PARTITION);
                    template.fillRandom(3 * i + 2);
                }
                send(connection, template);
            }
        }
    }

    private static void send(HttpConnection connection, RequestTemplate template) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            int status = connection.exchange(template.bytes(), template.length());
            String body = connection.bodyText();
            if (status == 200 && !body.contains("\"UnprocessedItems\":{\"")) return;
            if (attempt == 20) throw new IOException("BatchWriteItem failed 20 times: status " + status + ": " + TemplateRequests.abbreviate(body));
            Thread.sleep(50L << Math.min(attempt, 5));
        }
    }

    private static Thread progress(AtomicLong nextBatch, long batches, long start) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    long done = Math.min(nextBatch.get(), batches);
                    System.err.printf(Locale.ROOT, "   loaded %d of %d items (%.0f s)%n", done * BATCH, batches * BATCH,
                            (System.nanoTime() - start) / 1e9);
                }
            } catch (InterruptedException e) {
                // loading done
            }
        }, "load-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
