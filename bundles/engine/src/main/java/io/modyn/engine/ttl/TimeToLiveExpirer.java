package io.modyn.engine.ttl;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.metrics.MetricsBinding;
import io.modyn.engine.write.ItemWriter;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired items in the background, as DynamoDB's TTL does.
 *
 * <p>Design. One daemon thread wakes every scan interval and walks every table whose TTL is
 * enabled, reading its items in storage order; an item whose TTL attribute is a time in the past
 * (see {@link Expiration}) is deleted. Nothing is indexed by expiry time: a pass costs a scan of
 * each TTL table, which is why passes are minutes apart by default, and why deletes are paced
 * ({@link DeletePacer}) rather than fired as fast as storage takes them. Until its pass comes, an
 * expired item is still read, queried and scanned like any other, which DynamoDB documents too
 * (it deletes within days).
 *
 * <p>Correctness. The scan reads without locks; each delete is conditional, re-reading the item
 * under its lock and testing it again, so that an item a client rewrote in the meantime survives
 * ({@link ExpiredItemDeletion}). Deletes go through the ItemWriter, so index entries and stream
 * records follow, with the stream naming the service as the deleter.
 *
 * <p>Several nodes sharing one database each run an expirer. They may scan the same table at
 * once; the conditional delete makes that harmless (the second finds nothing to delete), so no
 * coordination is needed beyond the storage's locks.
 *
 * <p>While no storage backend is bound a pass does nothing; a failing pass is logged and the next
 * one starts afresh.
 */
public final class TimeToLiveExpirer {

    private static final Logger LOG = Logger.getLogger(TimeToLiveExpirer.class.getName());
    private static final long STOP_WAIT_SECONDS = 10;

    private final StorageBinding storage;
    private final ExpirySettings settings;
    private final ExpiryPass pass;
    private ScheduledExecutorService executor;

    public TimeToLiveExpirer(StorageBinding storage, ItemWriter writer, ExpirySettings settings, Clock clock) {
        this(storage, writer, settings, clock, new MetricsBinding());
    }

    /** An expirer that tells the bound metrics of each item it deletes (DynamoDB's TimeToLiveDeletedItemCount). */
    public TimeToLiveExpirer(StorageBinding storage, ItemWriter writer, ExpirySettings settings, Clock clock, MetricsBinding metrics) {
        this.storage = storage;
        this.settings = settings;
        this.pass = new ExpiryPass(new ExpiredItemDeletion(writer), new DeletePacer(settings.maxDeletesPerSecond()), clock, metrics);
    }

    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "modyn-ttl-expirer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.scanInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runScheduledPass, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops the expirer, interrupting a pass under way; its deletes so far are committed, the rest wait for the next start. */
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) LOG.warning("The TTL expirer did not stop in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    /** One pass over every table with TTL enabled. */
    void runPass() throws InterruptedException {
        StorageBinding.Bound bound;
        try {
            bound = storage.require();
        } catch (DynamoException unbound) {
            return;
        }
        for (String name : bound.catalog().names()) {
            TableDefinition table = bound.catalog().find(name);
            if (table == null || ExpiryPass.ttlAttribute(table) == null) continue;
            try {
                int deleted = pass.expire(bound, table);
                if (deleted > 0) LOG.fine(() -> "Deleted " + deleted + " expired items of table " + name);
            } catch (KeyspaceNotFoundException gone) {
                LOG.fine(() -> "Table " + name + " was deleted during its TTL pass");
            }
        }
    }

    /** A scheduled task that throws is never run again: nothing may escape. */
    private void runScheduledPass() {
        try {
            runPass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A TTL expiry pass failed; the next pass retries", e);
        }
    }
}
