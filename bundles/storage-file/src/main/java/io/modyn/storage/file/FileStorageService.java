package io.modyn.storage.file;

import io.modyn.api.storage.StorageEngine;
import io.modyn.storage.file.commitlog.SyncPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The OSGi face of {@link FileStorageEngine}: opens the engine from configuration on activation
 * and registers it as the {@link StorageEngine} service; on deactivation unregisters it first (so
 * the engine stops routing requests here) and then closes it cleanly. Starts with defaults when
 * no configuration exists.
 */
@Component(service = {}, immediate = true, configurationPid = FileStorageService.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FileStorageConfig.class)
public final class FileStorageService {

    static final String PID = "io.modyn.storage.file";
    /** The framework or system property a relative data directory is resolved against. */
    static final String MODYN_HOME = "modyn.home";

    private static final Logger LOG = Logger.getLogger(FileStorageService.class.getName());

    private FileStorageEngine engine;
    private ServiceRegistration<StorageEngine> registration;

    @Activate
    void activate(BundleContext context, FileStorageConfig config) {
        engine = FileStorageEngine.open(options(config, context.getProperty(MODYN_HOME)));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("storage.name", engine.name());
        registration = context.registerService(StorageEngine.class, engine, properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            LOG.fine("Storage service was already unregistered");
        }
        engine.close();
    }

    /** The engine options a configuration asks for. */
    static FileStorageOptions options(FileStorageConfig config, String modynHome) {
        Path directory = Path.of(config.dataDirectory());
        if (!directory.isAbsolute() && modynHome != null && !modynHome.isBlank()) directory = Path.of(modynHome).resolve(directory);
        return FileStorageOptions.defaults(directory.toAbsolutePath().normalize())
                .withSyncPolicy(SyncPolicy.named(config.fsync(), Duration.ofMillis(config.fsyncWindowMillis())))
                .withCheckpointInterval(Duration.ofSeconds(config.checkpointIntervalSeconds()))
                .withLockTimeout(Duration.ofMillis(config.lockTimeoutMillis()));
    }
}
