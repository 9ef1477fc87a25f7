package io.modyn.storage.file;

import io.modyn.api.metrics.MetricSource;
import io.modyn.api.storage.StorageEngine;
import io.modyn.storage.file.commitlog.SyncPolicy;
import io.modyn.storage.file.sstable.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.IntConsumer;
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
 * no configuration exists. A data directory that cannot be opened (damaged files, a format this
 * version does not read, another process using it) ends the server when it asks for that.
 */
@Component(service = {}, immediate = true, configurationPid = FileStorageService.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FileStorageConfig.class)
public final class FileStorageService {

    static final String PID = "io.modyn.storage.file";
    /** The framework or system property a relative data directory is resolved against. */
    static final String MODYN_HOME = "modyn.home";

    /** The framework or system property that makes a storage which cannot be opened end the process. */
    static final String EXIT_ON_OPEN_FAILURE = "modyn.storage.exitOnOpenFailure";
    static final int OPEN_FAILURE_EXIT_STATUS = 1;

    private static final long MB = 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(FileStorageService.class.getName());

    /** How the process ends; tests record the call instead. */
    IntConsumer exit = ProcessExit::exitSoon;

    private FileStorageEngine engine;
    private ServiceRegistration<StorageEngine> registration;
    private ServiceRegistration<MetricSource> metrics;

    @Activate
    void activate(BundleContext context, FileStorageConfig config) {
        try {
            engine = FileStorageEngine.open(options(config, context.getProperty(MODYN_HOME)));
        } catch (RuntimeException e) {
            failedToOpen(context, config, e);
            throw e;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("storage.name", engine.name());
        registration = context.registerService(StorageEngine.class, engine, properties);
        // Read only if a metrics bundle is there to scrape them.
        metrics = context.registerService(MetricSource.class, new FileStorageMetrics(engine), properties);
    }

    @Deactivate
    void deactivate() {
        unregister(metrics);
        unregister(registration);
        engine.close();
    }

    private static void unregister(ServiceRegistration<?> service) {
        try {
            service.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            LOG.fine("Storage service was already unregistered");
        }
    }

    /**
     * Without its storage the server could only answer 503 to every request, forever: when the
     * framework property {@value #EXIT_ON_OPEN_FAILURE} is true (bin/modyn's Felix configuration
     * sets it) the process ends instead, so that its supervisor or operator sees the failure and
     * its cause. Embedded uses leave the property unset and get the exception only.
     */
    private void failedToOpen(BundleContext context, FileStorageConfig config, RuntimeException e) {
        String problem = "File storage cannot open its data directory " + dataDirectory(config, context.getProperty(MODYN_HOME)) + ": "
                + e.getMessage();
        if (Boolean.parseBoolean(context.getProperty(EXIT_ON_OPEN_FAILURE))) {
            LOG.severe(problem + ". Modyn stops with exit status " + OPEN_FAILURE_EXIT_STATUS
                    + " rather than serve without storage; repair or move the data directory, then start it again.");
            exit.accept(OPEN_FAILURE_EXIT_STATUS);
        } else {
            LOG.severe(problem + ". Data requests answer 503 until the storage can be opened.");
        }
    }

    /** The engine options a configuration asks for. */
    static FileStorageOptions options(FileStorageConfig config, String modynHome) {
        FileStorageOptions defaults = FileStorageOptions.defaults(dataDirectory(config, modynHome));
        Predicate<String> listed = KeyspacePatterns.parse(config.leveledKeyspaces());
        Predicate<String> leveled = switch (config.compactionStrategy().trim().toLowerCase(Locale.ROOT)) {
            case "size-tiered" -> listed;
            case "leveled" -> keyspace -> true;
            default -> throw new IllegalArgumentException("compaction strategy must be size-tiered or leveled, not '" + config.compactionStrategy() + "'");
        };
        return defaults
                .withSyncPolicy(SyncPolicy.named(config.fsync(), Duration.ofMillis(config.fsyncWindowMillis()), Duration.ofMillis(config.fsyncPeriodMillis())))
                .withSegmentSize(config.segmentSizeMB() * MB)
                .withMemtableBudget(config.memtableBudgetMB() > 0 ? config.memtableBudgetMB() * MB : defaults.memtableBudgetBytes())
                .withTableOptions(defaults.tableOptions().withBlockSize(config.blockSizeKB() * 1024).withCompression(compression(config.compression())))
                .withBlockCache(config.blockCacheMB() > 0 ? config.blockCacheMB() * MB : defaults.blockCacheBytes())
                .withCompaction(defaults.compaction().withLeveled(leveled).withBytesPerSecond(config.compactionMBPerSecond() * MB))
                .withLockTimeout(Duration.ofMillis(config.lockTimeoutMillis()));
    }

    private static Compression compression(String name) {
        try {
            return Compression.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("table compression must be lz4 or none, not '" + name + "'", e);
        }
    }

    private static Path dataDirectory(FileStorageConfig config, String modynHome) {
        Path directory = Path.of(config.dataDirectory());
        if (!directory.isAbsolute() && modynHome != null && !modynHome.isBlank()) directory = Path.of(modynHome).resolve(directory);
        return directory.toAbsolutePath().normalize();
    }
}
