package io.modyn.metrics;

import io.modyn.api.metrics.MetricSource;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures of every bound {@link MetricSource} (storage engines, connection pools), read at each
 * scrape: nothing is computed between scrapes. A source that fails is left out of that scrape and
 * logged; the others are still served.
 */
final class SourceMetrics implements MultiCollector {

    private static final Logger LOG = Logger.getLogger(SourceMetrics.class.getName());

    private final List<MetricSource> sources = new CopyOnWriteArrayList<>();

    void add(MetricSource source) {
        sources.add(source);
    }

    void remove(MetricSource source) {
        sources.remove(source);
    }

    @Override
    public MetricSnapshots collect() {
        SnapshotSink sink = new SnapshotSink();
        for (MetricSource source : sources) {
            try {
                source.collect(sink);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Metric source " + source.getClass().getName() + " failed; its figures are left out", e);
            }
        }
        return sink.snapshots();
    }
}
