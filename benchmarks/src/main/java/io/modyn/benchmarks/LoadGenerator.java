package io.modyn.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs one workload from a fixed number of client threads, closed loop: each thread sends its
 * next request when the previous one is answered. A warm-up phase runs first and is not counted.
 */
final class LoadGenerator {

    private final int threads;
    private final Duration warmUp;
    private final Duration measure;

    LoadGenerator(int threads, Duration warmUp, Duration measure) {
        this.threads = threads;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    Measurement run(ServerProcess server, DynamoDbClient client, String table, Workload workload)
            throws InterruptedException, IOException {
        drive(client, table, workload, warmUp, null);
        Duration cpuBefore = server.cpuTime();
        long start = System.nanoTime();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long operations = drive(client, table, workload, measure, new Recorder(latencies, errors));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Measurement(server.name(), workload.label(), operations, errors.get(), elapsed, Measurement.sorted(all), cpu);
    }

    private record Recorder(List<long[]> latencies, AtomicLong errors) {
    }

    private long drive(DynamoDbClient client, String table, Workload workload, Duration duration, Recorder recorder)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong operations = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long[] samples = new long[1 << 16];
                int count = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        try {
                            workload.runOnce(client, table);
                        } catch (RuntimeException e) {
                            if (recorder != null) recorder.errors().incrementAndGet();
                            continue;
                        }
                        long latency = System.nanoTime() - begin;
                        operations.incrementAndGet();
                        if (count == samples.length) samples = java.util.Arrays.copyOf(samples, count * 2);
                        samples[count++] = latency;
                    }
                } finally {
                    if (recorder != null) {
                        synchronized (recorder.latencies()) {
                            recorder.latencies().add(java.util.Arrays.copyOf(samples, count));
                        }
                    }
                    done.countDown();
                }
            }, "load-" + t);
            thread.start();
        }
        done.await();
        return operations.get();
    }
}
