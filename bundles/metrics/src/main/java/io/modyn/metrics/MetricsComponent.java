package io.modyn.metrics;

import io.modyn.api.auth.Authenticator;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.metrics.MetricSource;
import io.modyn.api.metrics.RequestMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Owns the Prometheus registry and its endpoint while the metrics bundle is active and a port is
 * configured: registers {@link DynamoDbMetrics} as the {@link RequestMetrics} the engine reports to,
 * reads every {@link MetricSource} at scrape time, and adds the JVM's and the bundles' figures. With
 * no port (the default) it does nothing at all, so the engine measures nothing. A configuration
 * change restarts it (no {@code @Modified}): counters start again from zero, as Prometheus expects of
 * a restarted target.
 *
 * <p>The JVM metrics are those that read the platform's MXBeans at scrape time; those that listen
 * to GC notifications are left out, as their listeners would outlive this bundle.
 */
@Component(configurationPid = MetricsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = MetricsConfiguration.class)
public final class MetricsComponent {

    static final String PID = "io.modyn.metrics";

    private static final Logger LOG = Logger.getLogger(MetricsComponent.class.getName());

    private final SourceMetrics sources = new SourceMetrics();

    /** Checks signed scrapes (auth-iam); asked only when signatureRequired is set. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    private MetricsEndpoint endpoint;
    private ServiceRegistration<RequestMetrics> registration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMetricSource(MetricSource source) {
        sources.add(source);
    }

    void unbindMetricSource(MetricSource source) {
        sources.remove(source);
    }

    @Activate
    void activate(BundleContext context, MetricsConfiguration configuration) throws IOException {
        if (configuration.port() == MetricsConfiguration.OFF) {
            LOG.fine("No metrics port configured: metrics are off");
            return;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        DynamoDbMetrics requests = new DynamoDbMetrics(registry);
        registry.register(sources);
        registry.register(new BundleStateMetrics(context));
        if (configuration.jvmMetrics()) registerJvmMetrics(registry);
        ScrapeAccess access = new ScrapeAccess(() -> authenticator, () -> authorizer, configuration.signatureRequired());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(configuration.bind().trim()), configuration.port());
        if (!access.required() && !address.getAddress().isLoopbackAddress()) {
            // Prometheus servers do not sign scrapes, so this is allowed; but say who can now read
            // the table names and the load: whoever reaches the address, as with any exporter.
            LOG.warning("Metrics endpoint on " + address.getAddress().getHostAddress() + " without --metrics-signed: any host that "
                    + "reaches it reads table names and request figures; restrict it with a firewall or require signed scrapes");
        }
        endpoint = MetricsEndpoint.start(address,
                new MetricsHttpHandler(registry, new BrowserRequestGuard(hostNames(configuration.hostNames())), access));
        registration = context.registerService(RequestMetrics.class, requests, null);
        LOG.info(() -> "Metrics endpoint listening on http://" + hostAndPort(endpoint.address()) + MetricsHttpHandler.PATH
                + (access.required() ? " (scrapes signed by the account root or a principal allowed " + ScrapeAccess.ACTION + ")" : ""));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) registration.unregister();
        if (endpoint != null) endpoint.stop();
    }

    private static void registerJvmMetrics(PrometheusRegistry registry) {
        JvmMemoryMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
        JvmThreadsMetrics.builder().register(registry);
        JvmBufferPoolMetrics.builder().register(registry);
        JvmClassLoadingMetrics.builder().register(registry);
        JvmCompilationMetrics.builder().register(registry);
        JvmRuntimeInfoMetric.builder().register(registry);
        ProcessMetrics.builder().register(registry);
    }

    static Set<String> hostNames(String configured) {
        return Arrays.stream(configured.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
