package io.modyn.engine;

import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.storage.StorageEngine;
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

    private final StorageBinding storage = new StorageBinding();
    private ServiceRegistration<DynamoDbService> registration;

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

    @Activate
    void activate(EngineConfig config, BundleContext context) {
        EngineSettings settings = new EngineSettings(config.region(), config.accountId());
        registration = context.registerService(DynamoDbService.class, new DynamoDbEngine(storage, settings), null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
