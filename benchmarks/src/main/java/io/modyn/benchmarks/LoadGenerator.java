package io.modyn.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one workload from a fixed number of clients, each with its own keep-alive connection. A
 * warm-up runs first and is not counted.
 *
 * <p>Closed loop (no rate): a client sends its next request when the previous one is answered, and
 * latency is measured around the send and the complete answer. Open loop ({@code rate} requests per
 * second for all clients together): each client sends on a fixed schedule, and latency is measured
 * from the moment the schedule meant the request to be sent. A server that falls behind delays the
 * following requests, and that delay counts in their latency (no coordinated omission).
 */
final class LoadGenerator {

    private final int clients;
    private final Duration warmUp;
    private final Duration measure;
    private final long intervalNanos;

    /** @param rate requests per second of all clients together, 0 for a closed loop */
    LoadGenerator(int clients, Duration warmUp, Duration measure, int rate) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.measure = measure;
        this.intervalNanos = rate > 0 ? Math.round(1e9 * clients / rate) : 0;
    }

    Measurement run(ServerUnderTest server, Dataset dataset, Workload workload) throws IOException, InterruptedException {
        check(server, dataset, workload);
        try (ServerActivity activity = server.followActivity()) {
            return measure(server, dataset, workload, activity);
        }
    }

    private Measurement measure(ServerUnderTest server, Dataset dataset, Workload workload, ServerActivity activity)
            throws InterruptedException {
        Tally warmUpTally = new Tally(new LatencyHistogram(), new TimeSeries(System.nanoTime(), (int) warmUp.toSeconds() + 2));
        drive(server, dataset, workload, warmUp, warmUpTally, activity);
        long pid = server.pid();
        long serverCpuBefore = ProcessStats.cpuNanos(pid);
        long serverWritesBefore = ProcessStats.writeBytes(pid);
        long clientCpuBefore = ProcessStats.cpuNanos(ProcessStats.selfPid());
        long start = System.nanoTime();
        Tally tally = new Tally(new LatencyHistogram(), new TimeSeries(start, (int) measure.toSeconds() + 2));
        AtomicBoolean stop = new AtomicBoolean();
        Thread sampler = new Thread(() -> tally.series().sample(pid, stop), "sampler");
        sampler.setDaemon(true);
        sampler.start();
        int flushesBefore = activity.flushesStarted();
        int compactionsBefore = activity.compactionsStarted();
        drive(server, dataset, workload, measure, tally, activity);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long serverCpu = ProcessStats.delta(serverCpuBefore, ProcessStats.cpuNanos(pid));
        long serverWrites = ProcessStats.delta(serverWritesBefore, ProcessStats.writeBytes(pid));
        long clientCpu = ProcessStats.delta(clientCpuBefore, ProcessStats.cpuNanos(ProcessStats.selfPid()));
        stop.set(true);
        sampler.interrupt();
        if (tally.firstError.get() != null) System.err.println("   first error: " + tally.firstError.get());
        return new Measurement(server.name(), workload, tally.operations.sum(), tally.errors.sum(), elapsed, tally.latencies(),
                tally.series(), serverCpu, clientCpu, tally.responseBytes.sum(), tally.logicalBytes.sum(), warmUpTally.logicalBytes.sum(),
                serverWrites, new Measurement.During(tally.duringFlush(), activity.flushesStarted() - flushesBefore, tally.duringCompaction(),
                        activity.compactionsStarted() - compactionsBefore));
    }

    /** One request before the run: the answer must be a 200 with what the workload expects, or nothing is measured. */
    private void check(ServerUnderTest server, Dataset dataset, Workload workload) throws IOException {
        ClientRequests requests = workload.requests(dataset, server.host(), 0, clients);
        try (HttpConnection connection = new HttpConnection(server.address())) {
            requests.next();
            int status = connection.exchange(requests.bytes(), requests.length());
            String problem = status != 200 ? "status " + status + ": " + TemplateRequests.abbreviate(connection.bodyText())
                    : requests.unexpected(connection.bodyText());
            if (problem != null) throw new IllegalStateException(server.name() + " " + workload.label() + ": " + problem);
        }
    }

    private record Tally(LatencyHistogram latencies, TimeSeries series, LatencyHistogram duringFlush, LatencyHistogram duringCompaction,
            LongAdder operations, LongAdder errors, LongAdder responseBytes, LongAdder logicalBytes, AtomicReference<String> firstError) {
        Tally(LatencyHistogram latencies, TimeSeries series) {
            this(latencies, series, new LatencyHistogram(), new LatencyHistogram(), new LongAdder(), new LongAdder(), new LongAdder(),
                    new LongAdder(), new AtomicReference<>());
        }
    }

    private void drive(ServerUnderTest server, Dataset dataset, Workload workload, Duration duration, Tally tally, ServerActivity activity)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ClientRequests requests = workload.requests(dataset, server.host(), c, clients);
            // Open loop: clients start spread over one interval, so the rate is even rather than in bursts.
            long firstSend = System.nanoTime() + intervalNanos * c / clients;
            Thread thread = new Thread(() -> runClient(server, requests, firstSend, deadline, tally, activity), "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
    }

    private void runClient(ServerUnderTest server, ClientRequests requests, long firstSend, long deadline, Tally tally,
            ServerActivity activity) {
        try (HttpConnection connection = new HttpConnection(server.address())) {
            long scheduled = firstSend;
            long now;
            while ((now = System.nanoTime()) < deadline) {
                if (intervalNanos > 0) {
                    while (now < scheduled) {
                        LockSupport.parkNanos(scheduled - now);
                        now = System.nanoTime();
                    }
                    if (scheduled >= deadline) break;
                    now = scheduled;
                    scheduled += intervalNanos;
                }
                requests.next();
                int busyAtStart = activity.state();
                int status;
                try {
                    status = connection.exchange(requests.bytes(), requests.length());
                } catch (IOException e) {
                    error(tally, e.toString());
                    sleepQuietly();
                    continue;
                }
                long end = System.nanoTime();
                if (status != 200) {
                    error(tally, "status " + status + ": " + TemplateRequests.abbreviate(connection.bodyText()));
                    continue;
                }
                requests.answered(connection);
                tally.latencies().recordNanos(end - now);
                int busy = busyAtStart | activity.state();
                tally.series().record(end, end - now, busy);
                if ((busy & ServerActivity.FLUSH) != 0) tally.duringFlush().recordNanos(end - now);
                if ((busy & ServerActivity.COMPACTION) != 0) tally.duringCompaction().recordNanos(end - now);
                tally.operations().increment();
                tally.responseBytes().add(connection.bodyLength());
                tally.logicalBytes().add(requests.logicalBytesWritten());
            }
        }
    }

    private static void error(Tally tally, String message) {
        tally.errors().increment();
        tally.firstError().compareAndSet(null, message);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
