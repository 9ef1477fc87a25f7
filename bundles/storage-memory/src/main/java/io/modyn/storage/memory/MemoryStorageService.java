package io.modyn.storage.memory;

import io.modyn.api.storage.StorageEngine;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The OSGi face of {@link MemoryStorageEngine}: a fresh, empty engine registered as the
 * {@link StorageEngine} service when the bundle starts, unregistered and forgotten when it stops.
 * Nothing to configure and nothing written anywhere: stopping the bundle (or the server) is the
 * end of its data, which is what a test suite's server wants.
 */
@Component(service = {}, immediate = true)
public final class MemoryStorageService {

    private ServiceRegistration<StorageEngine> registration;

    @Activate
    void activate(BundleContext context) {
        MemoryStorageEngine engine = new MemoryStorageEngine();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("storage.name", engine.name());
        registration = context.registerService(StorageEngine.class, engine, properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // The framework is stopping and took the service away first: nothing left to do.
        }
    }
}
