package io.modyn.engine.stream;

import io.modyn.api.model.DynamoException;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AuthorizerBinding;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The streams feature assembled: the recorder to add to the ItemWriter, the DynamoDB Streams
 * service to register, and the background work (listener delivery, the retention) that
 * {@link #start} begins and {@link #stop} ends. Plain Java; the engine's OSGi component wires it.
 */
public final class Streams {

    private static final Logger LOG = Logger.getLogger(Streams.class.getName());
    private static final long LISTENER_POLL_MILLIS = 250;

    private final StorageBinding storage;
    private final Clock clock;
    private final StreamRecorder recorder;
    private final DynamoDbStreamsEngine service;
    private final StreamRetention retention;
    private final StreamLimits limits;
    private final StreamListenerDispatcher dispatcher;
    private StreamListeners listeners;
    private ScheduledExecutorService retentionThread;

    /** Streams with DynamoDB's iterator lifetime and retention. */
    public Streams(StorageBinding storage, EngineSettings settings, Clock clock) {
        this(storage, settings, StreamLimits.DYNAMODB, clock);
    }

    /** Streams whose API is open to every caller (no authorizer is asked). */
    public Streams(StorageBinding storage, EngineSettings settings, StreamLimits limits, Clock clock) {
        this(storage, settings, limits, clock, new AuthorizerBinding());
    }

    /** Streams whose API asks whichever authorizer is bound. */
    public Streams(StorageBinding storage, EngineSettings settings, StreamLimits limits, Clock clock, AuthorizerBinding authorizers) {
        this.storage = storage;
        this.clock = clock;
        this.limits = limits;
        StreamKeyspaces keyspaces = new StreamKeyspaces();
        StreamDirectory directory = new StreamDirectory(keyspaces, limits.retention(), clock);
        this.recorder = new StreamRecorder(storage, keyspaces, clock);
        this.service = new DynamoDbStreamsEngine(storage, settings, directory, limits.iteratorLifetime(), clock, authorizers);
        this.retention = new StreamRetention(directory, keyspaces, limits.retention());
        this.dispatcher = new StreamListenerDispatcher(
                listener -> new ListenerWorker(listener, storage, keyspaces, settings, clock), LISTENER_POLL_MILLIS);
    }

    /** The change hook that records stream records; belongs in the ItemWriter's hooks. */
    public StreamRecorder recorder() {
        return recorder;
    }

    public DynamoDbStreamsService service() {
        return service;
    }

    /** Starts delivering to the listeners (present and future) and applying the retention. */
    public synchronized void start(StreamListeners registered) {
        listeners = registered;
        registered.observe(dispatcher);
        retentionThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "modyn-stream-retention");
            thread.setDaemon(true);
            return thread;
        });
        long period = limits.retentionPeriod().toMillis();
        retentionThread.scheduleWithFixedDelay(this::applyRetention, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops the background work, letting a pass in progress finish (storage I/O is never interrupted). */
    public synchronized void stop() {
        if (listeners != null) listeners.observe(null);
        dispatcher.stopAll();
        if (retentionThread != null) {
            retentionThread.shutdown();
            try {
                retentionThread.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Applies the retention once, now. */
    void applyRetention() {
        StorageBinding.Bound bound;
        try {
            bound = storage.require();
        } catch (DynamoException unavailable) {
            return; // no storage bound: nothing to trim
        }
        try {
            retention.run(bound, clock.millis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stream retention failed; retrying at the next pass", e);
        }
    }
}
