package io.modyn.storage.postgres;

import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the engine on a thread of its own, retrying until the database can be reached, then
 * publishes it. Opening migrates the schema (a second or more), which must not hold up the thread
 * that starts bundles; and a database that is down, or a wrong URL or password, must neither
 * fail the component into a restart loop nor flood the log: the first failure is logged once as
 * a warning, repeats of the same failure only at FINE, and the eventual success says how many
 * attempts it took. Until then no storage service exists, so clients get retryable 503s.
 */
final class StorageStarter {

    private static final Logger LOG = Logger.getLogger(StorageStarter.class.getName());

    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** Makes the engine available (registers the service); returns how to withdraw it. */
    @FunctionalInterface
    interface Publisher {
        Runnable publish(PostgresStorageEngine engine);
    }

    private final PostgresStorageOptions options;
    private final Function<PostgresStorageOptions, PostgresStorageEngine> opener;
    private final Publisher publisher;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final Thread thread;
    private PostgresStorageEngine engine;
    private Runnable withdraw;
    private boolean stopped;

    StorageStarter(PostgresStorageOptions options, Function<PostgresStorageOptions, PostgresStorageEngine> opener, Publisher publisher) {
        this(options, opener, publisher, FIRST_RETRY_DELAY, MAX_RETRY_DELAY);
    }

    StorageStarter(PostgresStorageOptions options, Function<PostgresStorageOptions, PostgresStorageEngine> opener, Publisher publisher,
            Duration firstRetryDelay, Duration maxRetryDelay) {
        this.options = options;
        this.opener = opener;
        this.publisher = publisher;
        this.firstRetryDelay = firstRetryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.thread = new Thread(this::openUntilOpen, "modyn-postgres-starter");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Withdraws and closes the engine if it was published; stops retrying otherwise. */
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PostgresStorageEngine opened;
        Runnable unpublish;
        synchronized (this) {
            opened = engine;
            unpublish = withdraw;
            engine = null;
            withdraw = null;
        }
        if (unpublish != null) unpublish.run();
        if (opened != null) opened.close();
    }

    private void openUntilOpen() {
        String lastFailure = null;
        Duration delay = firstRetryDelay;
        for (int attempt = 1; ; attempt++) {
            if (isStopped()) return;
            PostgresStorageEngine opened;
            try {
                opened = opener.apply(options);
            } catch (RuntimeException | LinkageError e) {
                // LinkageError: a class that cannot load (a broken assembly) must be reported, not kill the thread.
                if (isStopped()) return; // interrupted by stop(): not a database problem
                String failure = options.redact(String.valueOf(e.getMessage()));
                if (!failure.equals(lastFailure)) {
                    LOG.warning("PostgreSQL storage cannot open " + options.describeDatabase() + ": " + failure
                            + ". Data requests answer 503 (retryable) until it can. Retrying in the background, at most "
                            + maxRetryDelay.toSeconds() + " s apart; this message is not repeated while the cause stays the same.");
                    // The stack trace only when no message in it quotes a secret.
                    if (!quotesSecret(e)) LOG.log(Level.FINE, "PostgreSQL storage open failure", e);
                    lastFailure = failure;
                } else {
                    LOG.fine(() -> "PostgreSQL storage still cannot open: " + failure);
                }
                if (!sleep(delay)) return;
                delay = delay.multipliedBy(2).compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay.multipliedBy(2);
                continue;
            }
            synchronized (this) {
                if (!stopped) {
                    engine = opened;
                    withdraw = publisher.publish(opened);
                    if (attempt > 1) LOG.info("PostgreSQL storage is available after " + attempt + " attempts");
                    return;
                }
            }
            opened.close(); // stopped while opening
            return;
        }
    }

    private boolean quotesSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(options.redact(message))) return true;
        }
        return false;
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /** False when interrupted by {@link #stop}. */
    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
