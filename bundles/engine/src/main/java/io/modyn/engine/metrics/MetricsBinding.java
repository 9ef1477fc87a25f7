package io.modyn.engine.metrics;

import io.modyn.api.metrics.RequestMetrics;

/**
 * The {@link RequestMetrics} the engine reports to now, if any. Bound and unbound while the server
 * runs (the metrics bundle can be started, stopped or updated); a request reports to the one bound
 * when it started.
 */
public final class MetricsBinding {

    private volatile RequestMetrics metrics;

    public void bind(RequestMetrics metrics) {
        this.metrics = metrics;
        CapacityMeter.enable();
    }

    /** Unbinds {@code metrics} if it is the one bound; a stale unbind after a newer bind is ignored. */
    public synchronized void unbind(RequestMetrics metrics) {
        if (this.metrics == metrics) this.metrics = null;
    }

    /** The metrics bound now, or null. */
    public RequestMetrics current() {
        return metrics;
    }
}
