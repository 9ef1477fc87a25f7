package io.modyn.metrics;

import io.modyn.api.metrics.MetricSink;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Turns what {@link io.modyn.api.metrics.MetricSource}s write into Prometheus snapshots, one
 * metric per name with a series per set of labels. A name that is not a valid metric name, one
 * given as gauge and counter both, or a series given twice is logged and left out, so that a
 * mistake in one bundle never breaks the whole scrape.
 */
final class SnapshotSink implements MetricSink {

    private static final Logger LOG = Logger.getLogger(SnapshotSink.class.getName());
    private static final String TOTAL = "_total";
    /** Prometheus' classic name and label name rules, which every scraper and query language takes. */
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family> families = new LinkedHashMap<>();

    @Override
    public void gauge(String name, String help, double value, String... labels) {
        add(name, help, value, labels, false);
    }

    @Override
    public void counter(String name, String help, double value, String... labels) {
        // The exposition adds _total to a counter's name; a source may have written it already.
        add(name.endsWith(TOTAL) ? name.substring(0, name.length() - TOTAL.length()) : name, help, value, labels, true);
    }

    private void add(String name, String help, double value, String[] labels, boolean counter) {
        if (!METRIC_NAME.matcher(name).matches() || !validLabels(labels)) {
            LOG.warning(() -> "Left out metric " + name + ": not a valid metric name, or labels not in name/value pairs");
            return;
        }
        Family family = families.computeIfAbsent(name, n -> new Family(help, counter));
        if (family.counter != counter) {
            LOG.warning(() -> "Left out a series of " + name + ": given as gauge and as counter");
            return;
        }
        Labels series;
        try {
            series = Labels.of(labels);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Left out a series of " + name + ": " + e.getMessage());
            return;
        }
        if (family.series.containsKey(series)) {
            LOG.warning(() -> "Left out a series of " + name + " given twice: " + series);
            return;
        }
        family.series.put(series, value);
    }

    private static boolean validLabels(String[] labels) {
        if (labels.length % 2 != 0) return false;
        for (int i = 0; i < labels.length; i += 2) {
            if (labels[i] == null || labels[i + 1] == null || !LABEL_NAME.matcher(labels[i]).matches()) return false;
        }
        return true;
    }

    MetricSnapshots snapshots() {
        List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
        families.forEach((name, family) -> snapshots.add(family.counter ? family.counter(name) : family.gauge(name)));
        return new MetricSnapshots(snapshots);
    }

    private static final class Family {

        final String help;
        final boolean counter;
        final Map<Labels, Double> series = new LinkedHashMap<>();

        Family(String help, boolean counter) {
            this.help = help;
            this.counter = counter;
        }

        GaugeSnapshot gauge(String name) {
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
            series.forEach((labels, value) ->
                    builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build()));
            return builder.build();
        }

        CounterSnapshot counter(String name) {
            CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
            series.forEach((labels, value) ->
                    builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build()));
            return builder.build();
        }
    }
}
