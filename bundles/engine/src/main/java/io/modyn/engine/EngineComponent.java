package io.modyn.engine;

import io.modyn.api.auth.Authorizer;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.extension.StreamListener;
import io.modyn.api.metrics.RequestMetrics;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.api.tables.ChangeCapture;
import io.modyn.api.tables.TableArchives;
import io.modyn.engine.capture.ChangeCaptureHook;
import io.modyn.api.crypto.KeyManager;
import io.modyn.engine.authorization.AuthorizerBinding;
import io.modyn.engine.encryption.EncryptionSettings;
import io.modyn.engine.encryption.KeyManagerBinding;
import io.modyn.engine.index.IndexMaintainer;
import io.modyn.engine.metrics.MeteredDynamoDbService;
import io.modyn.engine.metrics.MetricsBinding;
import io.modyn.engine.stream.StreamLimits;
import io.modyn.engine.stream.StreamListeners;
import io.modyn.engine.stream.Streams;
import io.modyn.engine.throttle.Throttling;
import io.modyn.engine.ttl.ExpirySettings;
import io.modyn.engine.ttl.TimeToLiveExpirer;
import io.modyn.engine.write.ItemWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * Registers the {@link DynamoDbEngine} as the DynamoDbService. Storage is an optional, dynamic,
 * greedy reference: the engine (and the HTTP server using it) keeps running while a storage
 * bundle is stopped, updated or replaced by a higher-ranked one, answering retryable errors in the
 * meantime.
 */
@Component(configurationPid = "io.modyn.engine", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = EngineConfig.class)
public final class EngineComponent {

    private static final Logger LOG = Logger.getLogger(EngineComponent.class.getName());

    private final KeyManagerBinding keyManagers = new KeyManagerBinding();
    private final StorageBinding storage = new StorageBinding(keyManagers, EncryptionSettings.defaults());
    private final AuthorizerBinding authorizers = new AuthorizerBinding();
    private final MetricsBinding metrics = new MetricsBinding();
    private final ChangeCaptureHook captureHook = new ChangeCaptureHook(storage);
    private ServiceRegistration<DynamoDbService> registration;
    private TimeToLiveExpirer expirer;
    private final StreamListeners streamListeners = new StreamListeners();
    private Streams streams;
    private ServiceRegistration<DynamoDbStreamsService> streamsRegistration;
    private TableArchiveService archives;
    private ServiceRegistration<TableArchives> archivesRegistration;

    /**
     * The key service for tables encrypted at rest; optional and dynamic: without it, encrypted
     * tables answer a retryable error (and nothing is written unsealed), other tables are served.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindKeyManager(KeyManager keyManager) {
        keyManagers.bind(keyManager);
        LOG.info("Encrypting tables at rest with the key service " + keyManager.getClass().getName());
    }

    void unbindKeyManager(KeyManager keyManager) {
        keyManagers.unbind(keyManager);
        LOG.info("The key service went away; encrypted tables answer a retryable error until one is back");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindStorage(StorageEngine engine) {
        try {
            storage.bind(engine);
            LOG.info("Using storage backend '" + engine.name() + "'");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Storage backend '" + engine.name() + "' could not be used", e);
        }
    }

    void unbindStorage(StorageEngine engine) {
        storage.unbind(engine);
        LOG.info("Storage backend '" + engine.name() + "' went away; requests are answered with a retryable error until one is back");
    }

    /**
     * The authorizer asked before every operation; optional (without one the server runs open, as
     * the protocol allows only on loopback), dynamic and greedy like storage, so an auth bundle can
     * be started, updated or replaced by a higher-ranked one while requests keep flowing.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindAuthorizer(Authorizer authorizer) {
        authorizers.bind(authorizer);
        LOG.info("Authorizing requests with " + authorizer.getClass().getName());
    }

    void unbindAuthorizer(Authorizer authorizer) {
        authorizers.unbind(authorizer);
        LOG.info("Authorizer " + authorizer.getClass().getName() + " went away");
    }

    /**
     * Told every request's outcome (a metrics bundle); optional, dynamic and greedy like the
     * authorizer. Without one nothing is measured.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindRequestMetrics(RequestMetrics requestMetrics) {
        metrics.bind(requestMetrics);
        LOG.info("Reporting request metrics to " + requestMetrics.getClass().getName());
    }

    void unbindRequestMetrics(RequestMetrics requestMetrics) {
        metrics.unbind(requestMetrics);
    }

    /**
     * The change capture of point-in-time recovery (a backup bundle); optional and dynamic: while
     * none is bound, writes to tables that capture fail with a retryable error, others go on.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindChangeCapture(ChangeCapture capture) {
        captureHook.bind(capture);
    }

    void unbindChangeCapture(ChangeCapture capture) {
        captureHook.unbind(capture);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStreamListener(StreamListener listener, Map<String, Object> properties) {
        streamListeners.add(listener, properties);
    }

    void unbindStreamListener(StreamListener listener) {
        streamListeners.remove(listener);
    }

    @Activate
    void activate(EngineConfig config, BundleContext context) {
        EngineSettings settings = new EngineSettings(config.region(), config.accountId());
        EncryptionSettings encryption = new EncryptionSettings(config.encryptAll(), Duration.ofSeconds(config.dataKeyCacheSeconds()),
                Duration.ofMillis(config.keyCheckIntervalMillis()));
        storage.configure(encryption);
        if (encryption.encryptAll()) LOG.info("Encrypting every table at rest (--encrypt-all): tables under the owned key are sealed too");
        StreamLimits streamLimits = new StreamLimits(Duration.ofSeconds(config.streamIteratorLifetimeSeconds()),
                Duration.ofSeconds(config.streamRetentionSeconds()));
        streams = new Streams(storage, settings, streamLimits, Clock.systemUTC(), authorizers);
        ItemWriter writer = new ItemWriter(List.of(new IndexMaintainer(config.itemCollectionLimitBytes()), streams.recorder(), captureHook));
        expirer = new TimeToLiveExpirer(storage, writer,
                new ExpirySettings(Duration.ofSeconds(config.ttlScanIntervalSeconds()), config.ttlMaxDeletesPerSecond()), Clock.systemUTC(),
                metrics);
        DynamoDbEngine engine = new DynamoDbEngine(storage, settings, writer, authorizers,
                config.throttling() ? Throttling.enabled() : Throttling.DISABLED);
        registration = context.registerService(DynamoDbService.class, new MeteredDynamoDbService(engine, metrics), null);
        streamsRegistration = context.registerService(DynamoDbStreamsService.class, streams.service(), null);
        archives = new TableArchiveService(storage, settings, writer);
        archivesRegistration = context.registerService(TableArchives.class, archives, null);
        streams.start(streamListeners);
        expirer.start();
    }

    @Deactivate
    void deactivate() {
        expirer.stop();
        streams.stop();
        streamsRegistration.unregister();
        archivesRegistration.unregister();
        archives.close();
        registration.unregister();
    }
}
