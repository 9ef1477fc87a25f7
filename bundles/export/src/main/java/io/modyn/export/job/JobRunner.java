package io.modyn.export.job;

import io.modyn.api.export.ExportDescription;
import io.modyn.api.export.ImportTableDescription;
import io.modyn.export.store.ObjectStoreException;
import io.modyn.api.model.DynamoException;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs jobs on a small pool of background threads and keeps their state in the {@link JobStore}:
 * progress about once a second, then COMPLETED or FAILED with the failure's code and message. At
 * start it runs again every job the store still has IN_PROGRESS (the server stopped while it ran);
 * at stop it interrupts the running ones, which stay IN_PROGRESS for the next start.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    static final int MAX_ATTEMPTS = 30;
    static final long RETRY_PAUSE_MILLIS = 2000;

    private final JobStore store;
    private final ExportRunner exports;
    private final ImportRunner imports;
    private final Clock clock;
    private final ExecutorService workers;

    /**
     * A runner whose jobs read and write through {@code dynamoDb} and {@code objects}, with export
     * files staged in {@code scratch} and imports' refused lines logged in {@code importLogs}.
     */
    public static JobRunner create(JobStore store, java.util.function.Supplier<io.modyn.api.dynamodb.DynamoDbService> dynamoDb,
                                   io.modyn.export.store.ObjectStore objects, java.nio.file.Path scratch, java.nio.file.Path importLogs,
                                   Clock clock, int threads) {
        return new JobRunner(store, new ExportRunner(dynamoDb, objects, scratch, clock),
                new ImportRunner(dynamoDb, objects, new ImportErrorLog(importLogs, clock), clock), clock, threads);
    }

    JobRunner(JobStore store, ExportRunner exports, ImportRunner imports, Clock clock, int threads) {
        this.store = store;
        this.exports = exports;
        this.imports = imports;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "modyn-export-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts again every job left IN_PROGRESS. */
    public void resumeAll() {
        for (JsonObject job : store.all()) {
            if (JobJson.EXPORT.equals(job.getString("kind", null)) && "IN_PROGRESS".equals(job.getString("ExportStatus", null))) {
                ExportJob export = JobJson.export(job);
                LOG.info(() -> "Export " + export.description().exportArn() + " was running at the last stop: it starts again");
                start(export);
            } else if (JobJson.IMPORT.equals(job.getString("kind", null)) && "IN_PROGRESS".equals(job.getString("ImportStatus", null))) {
                ImportJob importJob = JobJson.importJob(job);
                LOG.info(() -> "Import " + importJob.description().importArn() + " was running at the last stop: it starts again");
                start(importJob);
            }
        }
    }

    public void start(ExportJob job) {
        start(job, 1);
    }

    private void start(ExportJob job, int attempt) {
        submit(() -> {
            String arn = job.description().exportArn();
            try {
                ExportDescription done = exports.run(job, progress -> store.save(arn, JobJson.export(new ExportJob(progress, job.accountId()))));
                store.save(arn, JobJson.export(new ExportJob(done, job.accountId())));
            } catch (InterruptedException e) {
                LOG.info(() -> "Export " + arn + " stopped with the server; it runs again at the next start");
            } catch (Exception e) {
                if (stopping(e)) return;
                if (retry(e, attempt, arn)) {
                    start(job, attempt + 1);
                    return;
                }
                LOG.log(Level.WARNING, "Export " + arn + " failed", e);
                store.save(arn, JobJson.export(new ExportJob(failed(job.description(), e), job.accountId())));
            }
        });
    }

    public void start(ImportJob job) {
        start(job, 1);
    }

    private void start(ImportJob job, int attempt) {
        submit(() -> {
            String arn = job.description().importArn();
            try {
                ImportTableDescription done = imports.run(job, progress -> store.save(arn, JobJson.importJob(new ImportJob(progress, job.accountId()))));
                store.save(arn, JobJson.importJob(new ImportJob(done, job.accountId())));
            } catch (InterruptedException e) {
                LOG.info(() -> "Import " + arn + " stopped with the server; it runs again at the next start");
            } catch (Exception e) {
                if (stopping(e)) return;
                if (retry(e, attempt, arn)) {
                    start(job, attempt + 1);
                    return;
                }
                LOG.log(Level.WARNING, "Import " + arn + " failed", e);
                ImportTableDescription d = job.description();
                store.save(arn, JobJson.importJob(new ImportJob(new ImportTableDescription(d.importArn(), "FAILED", d.tableArn(),
                        d.tableId(), d.clientToken(), d.s3BucketSource(), d.errorCount(), d.cloudWatchLogGroupArn(), d.inputFormat(),
                        d.csvOptions(), d.inputCompressionType(), d.tableCreationParameters(), d.startTime(), clock.instant(),
                        d.processedSizeBytes(), d.processedItemCount(), d.importedItemCount(), code(e), message(e)), job.accountId())));
            }
        });
    }

    private ExportDescription failed(ExportDescription d, Exception e) {
        return new ExportDescription(d.exportArn(), "FAILED", d.startTime(), clock.instant(), null, d.tableArn(), d.tableId(),
                d.exportTime(), d.clientToken(), d.s3Bucket(), d.s3BucketOwner(), d.s3Prefix(), d.s3SseAlgorithm(), d.s3SseKmsKeyId(),
                code(e), message(e), d.exportFormat(), d.billedSizeBytes(), d.itemCount(), d.exportType(), d.incrementalExportSpecification());
    }

    /** The job's FailureCode: S3's error code, DynamoDB's error type, or UNKNOWN. */
    private static String code(Exception e) {
        if (e instanceof ObjectStoreException s3) return s3.code();
        if (e instanceof DynamoException dynamo) return dynamo.type().wireName();
        return "UNKNOWN";
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Whether a job that failed on a retryable DynamoDB error (storage away for a moment, as while
     * the server stops or a backend is swapped; throttling) runs again from the start after a
     * pause, as an SDK client would retry. After {@value #MAX_ATTEMPTS} attempts it fails.
     */
    private boolean retry(Exception e, int attempt, String arn) {
        if (!(e instanceof DynamoException dynamo) || !dynamo.type().retryable() || attempt >= MAX_ATTEMPTS) return false;
        LOG.info(() -> arn + " met a retryable error (" + e.getMessage() + "); attempt " + (attempt + 1) + " follows");
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
            // The server is stopping: the new attempt is refused by the pool and the job stays
            // IN_PROGRESS for the next start.
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /**
     * Whether the job failed because the server is stopping under it (the pool was shut down and
     * the services it uses are going): then it stays IN_PROGRESS and runs again at the next start.
     */
    private boolean stopping(Exception e) {
        if (!workers.isShutdown()) return false;
        LOG.info(() -> "A job stopped with the server (" + e + "); it runs again at the next start");
        return true;
    }

    private void submit(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.info("The job pool is stopping; the job runs at the next start");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
