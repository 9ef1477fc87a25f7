package io.modyn.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * {@code modyn_bundle_state}: one series per installed bundle and each state it can be in, 1 for
 * the state it is in and 0 for the others (Prometheus' usual encoding of an enumeration), so that
 * an alert can say {@code modyn_bundle_state{state="ACTIVE"} == 0}. Read at scrape time from the
 * framework.
 */
final class BundleStateMetrics implements MultiCollector {

    private static final String[] STATES = {"INSTALLED", "RESOLVED", "STARTING", "STOPPING", "ACTIVE", "UNINSTALLED"};
    private static final int[] STATE_BITS = {Bundle.INSTALLED, Bundle.RESOLVED, Bundle.STARTING, Bundle.STOPPING, Bundle.ACTIVE,
            Bundle.UNINSTALLED};

    private final BundleContext context;

    BundleStateMetrics(BundleContext context) {
        this.context = context;
    }

    @Override
    public MetricSnapshots collect() {
        GaugeSnapshot.Builder states = GaugeSnapshot.builder().name("modyn_bundle_state")
                .help("1 for the state each OSGi bundle is in, 0 for the others");
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName() == null ? "" : bundle.getSymbolicName();
            String id = Long.toString(bundle.getBundleId());
            String version = bundle.getVersion().toString();
            int state = bundle.getState();
            for (int i = 0; i < STATES.length; i++) {
                states.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("bundle", name, "id", id, "version", version, "state", STATES[i]))
                        .value(state == STATE_BITS[i] ? 1 : 0).build());
            }
        }
        return MetricSnapshots.of(states.build());
    }
}
