package io.modyn.storage.file;

import static io.modyn.storage.file.TestData.get;
import static io.modyn.storage.file.TestData.put;
import static io.modyn.storage.file.TestData.rewriteFormatVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.metrics.MetricSink;
import io.modyn.api.metrics.MetricSource;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageException;
import io.modyn.storage.file.commitlog.GroupSyncPolicy;
import io.modyn.storage.file.commitlog.CommitLogSegment;
import io.modyn.storage.file.commitlog.PeriodicSyncPolicy;
import io.modyn.storage.file.sstable.Compression;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The DS component: configuration to options, and registration around the engine's life. */
class FileStorageServiceTest {

    @TempDir
    Path home;

    private static FileStorageConfig config(String dataDirectory, String fsync, long windowMillis) {
        return config(dataDirectory, fsync, windowMillis, "size-tiered", "");
    }

    private static FileStorageConfig config(String dataDirectory, String fsync, long windowMillis, String strategy, String leveled) {
        return new FileStorageConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FileStorageConfig.class;
            }

            @Override
            public String dataDirectory() {
                return dataDirectory;
            }

            @Override
            public String fsync() {
                return fsync;
            }

            @Override
            public long fsyncWindowMillis() {
                return windowMillis;
            }

            @Override
            public long fsyncPeriodMillis() {
                return 20;
            }

            @Override
            public long segmentSizeMB() {
                return 8;
            }

            @Override
            public long memtableBudgetMB() {
                return 48;
            }

            @Override
            public int blockSizeKB() {
                return 16;
            }

            @Override
            public String compression() {
                return "none";
            }

            @Override
            public long blockCacheMB() {
                return 0;
            }

            @Override
            public String compactionStrategy() {
                return strategy;
            }

            @Override
            public String leveledKeyspaces() {
                return leveled;
            }

            @Override
            public long compactionMBPerSecond() {
                return 5;
            }

            @Override
            public long lockTimeoutMillis() {
                return 750;
            }
        };
    }

    @Test
    void relativeDataDirectoryResolvesAgainstModynHome() {
        FileStorageOptions options = FileStorageService.options(config("data", "group", 10), home.toString());
        assertEquals(home.resolve("data").toAbsolutePath().normalize(), options.dataDirectory());
    }

    @Test
    void absoluteDataDirectoryIsKept() {
        Path elsewhere = home.resolve("elsewhere").toAbsolutePath();
        FileStorageOptions options = FileStorageService.options(config(elsewhere.toString(), "group", 10), "/ignored");
        assertEquals(elsewhere, options.dataDirectory());
    }

    @Test
    void withoutModynHomeARelativeDirectoryIsUnderTheWorkingDirectory() {
        FileStorageOptions options = FileStorageService.options(config("data", "group", 10), null);
        assertEquals(Path.of("data").toAbsolutePath().normalize(), options.dataDirectory());
    }

    @Test
    void configurationChoosesPolicyAndTimeouts() {
        FileStorageOptions group = FileStorageService.options(config("data", "group", 3), null);
        assertEquals(new GroupSyncPolicy(Duration.ofMillis(3)), group.syncPolicy());
        assertEquals(Duration.ofMillis(750), group.lockTimeout());
        assertEquals(new GroupSyncPolicy(Duration.ofMillis(3)), FileStorageService.options(config("data", "batch", 3), null).syncPolicy());
        assertEquals(new GroupSyncPolicy(Duration.ZERO), FileStorageService.options(config("data", "always", 3), null).syncPolicy());
        assertEquals(new PeriodicSyncPolicy(Duration.ofMillis(20)), FileStorageService.options(config("data", "periodic", 3), null).syncPolicy());
        assertThrows(IllegalArgumentException.class, () -> FileStorageService.options(config("data", "sometimes", 20), null));
    }

    @Test
    void configurationSizesTheLogMemoryTablesAndCompaction() {
        FileStorageOptions options = FileStorageService.options(config("data", "group", 0), null);
        assertEquals(8L << 20, options.segmentSizeBytes());
        assertEquals(48L << 20, options.memtableBudgetBytes());
        assertEquals(16 * 1024, options.tableOptions().blockSizeBytes());
        assertEquals(Compression.NONE, options.tableOptions().compression());
        assertEquals(FileStorageOptions.DEFAULT_BLOCK_CACHE, options.blockCacheBytes(), "0 MB means the default share of the heap");
        assertEquals(5L << 20, options.compaction().bytesPerSecond());
        assertFalse(options.compaction().leveled().test("orders"));
    }

    @Test
    void leveledCompactionIsChosenPerKeyspaceOrByDefault() {
        Predicate<String> listed = FileStorageService.options(config("data", "group", 0, "size-tiered", "orders, orders.*,log?"), null)
                .compaction().leveled();
        assertTrue(listed.test("orders"));
        assertTrue(listed.test("orders.byDate"));
        assertTrue(listed.test("log1"));
        assertFalse(listed.test("orders2"));
        assertFalse(listed.test("customers"));
        assertTrue(FileStorageService.options(config("data", "group", 0, "leveled", ""), null).compaction().leveled().test("customers"));
        assertThrows(IllegalArgumentException.class, () -> FileStorageService.options(config("data", "group", 0, "tiered", ""), null));
    }

    @Test
    void restartingTheComponentKeepsTheData() {
        FakeContext context = new FakeContext(home.toString());
        FileStorageService first = new FileStorageService();
        first.activate(context.proxy(), config("data", "group", 10));
        StorageEngine engine = context.registered.get(0);
        engine.createKeyspace("t");
        put(engine, "t", "p", "s", "v");
        first.deactivate();

        assertEquals(1, context.unregistered);
        StorageException refused = assertThrows(StorageException.class, engine::begin);
        assertTrue(refused.retryable(), "a client holding the old service is told to retry");

        FileStorageService second = new FileStorageService();
        second.activate(context.proxy(), config("data", "group", 10));
        StorageEngine reopened = context.registered.get(1);
        assertEquals("v", get(reopened, "t", "p", "s"));
        assertNull(get(reopened, "t", "p", "other"));
        second.deactivate();
    }

    @Test
    void theStoreRegistersItsFiguresForMetricsWhileItRuns() {
        FakeContext context = new FakeContext(home.toString());
        FileStorageService service = new FileStorageService();
        service.activate(context.proxy(), config("data", "group", 10));
        StorageEngine engine = context.registered.get(0);
        engine.createKeyspace("t");
        put(engine, "t", "p", "s", "v");

        Map<String, Double> figures = new HashMap<>();
        context.sources.get(0).collect(new MetricSink() {
            @Override
            public void gauge(String name, String help, double value, String... labels) {
                figures.put(name, value);
            }

            @Override
            public void counter(String name, String help, double value, String... labels) {
                figures.put(name, value);
            }
        });
        service.deactivate();

        assertEquals(1, context.unregisteredSources);
        assertTrue(figures.get("modyn_storage_file_commitlog_segments") >= 1, figures.toString());
        assertTrue(figures.get("modyn_storage_file_commitlog_bytes") > 0, figures.toString());
        assertTrue(figures.get("modyn_storage_file_memtable_bytes") > 0, figures.toString());
        assertEquals(0.0, figures.get("modyn_storage_file_write_stalls"));
        for (String name : List.of("modyn_storage_file_flushes", "modyn_storage_file_compactions", "modyn_storage_file_block_cache_hits",
                "modyn_storage_file_block_cache_misses", "modyn_storage_file_commitlog_syncs")) {
            assertTrue(figures.containsKey(name), name);
        }
    }

    /** A data directory whose commit log was written in a format this version does not read. */
    private void writeDataInANewerFormat() {
        FakeContext context = new FakeContext(home.toString());
        FileStorageService writer = new FileStorageService();
        writer.activate(context.proxy(), config("data", "group", 10));
        context.registered.get(0).createKeyspace("t");
        put(context.registered.get(0), "t", "p", "s", "v");
        writer.deactivate();
        rewriteFormatVersion(home.resolve("data").resolve("commitlog").resolve(CommitLogSegment.fileName(1)), 99);
    }

    @Test
    void storageThatCannotBeOpenedEndsTheProcessWhenTheFrameworkAsksAndSaysWhy() {
        writeDataInANewerFormat();
        FakeContext context = new FakeContext(home.toString(), "true");
        FileStorageService service = new FileStorageService();
        List<Integer> exits = new ArrayList<>();
        service.exit = exits::add;
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.SEVERE) logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(FileStorageService.class.getName());
        logger.addHandler(handler);
        try {
            StorageException e = assertThrows(StorageException.class, () -> service.activate(context.proxy(), config("data", "group", 10)));
            assertTrue(e.getMessage().contains("unsupported format version 99"), e.getMessage());
        } finally {
            logger.removeHandler(handler);
        }

        assertEquals(List.of(FileStorageService.OPEN_FAILURE_EXIT_STATUS), exits);
        assertEquals(List.of(), context.registered);
        assertEquals(1, logged.size(), logged::toString);
        String message = logged.get(0);
        assertTrue(message.contains(home.resolve("data").toString()) && message.contains("unsupported format version 99")
                && message.contains("exit status 1"), message);
    }

    @Test
    void embeddedWithoutThatPropertyAFailedOpenOnlyFailsTheComponent() {
        writeDataInANewerFormat();
        FakeContext context = new FakeContext(home.toString());
        FileStorageService service = new FileStorageService();
        List<Integer> exits = new ArrayList<>();
        service.exit = exits::add;

        assertThrows(StorageException.class, () -> service.activate(context.proxy(), config("data", "group", 10)));

        assertEquals(List.of(), exits);
        assertEquals(List.of(), context.registered);
    }

    /** Just enough of a bundle context: property lookups and service registration. */
    private static final class FakeContext {

        private final String modynHome;
        private final String exitOnOpenFailure;
        final List<StorageEngine> registered = new ArrayList<>();
        final List<MetricSource> sources = new ArrayList<>();
        int unregistered;
        int unregisteredSources;

        FakeContext(String modynHome) {
            this(modynHome, null);
        }

        FakeContext(String modynHome, String exitOnOpenFailure) {
            this.modynHome = modynHome;
            this.exitOnOpenFailure = exitOnOpenFailure;
        }

        BundleContext proxy() {
            ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServiceRegistration.class}, (p, method, args) -> {
                        if (method.getName().equals("unregister")) unregistered++;
                        return null;
                    });
            ServiceRegistration<?> sourceRegistration = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServiceRegistration.class}, (p, method, args) -> {
                        if (method.getName().equals("unregister")) unregisteredSources++;
                        return null;
                    });
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "getProperty" -> FileStorageService.MODYN_HOME.equals(args[0]) ? modynHome
                                : FileStorageService.EXIT_ON_OPEN_FAILURE.equals(args[0]) ? exitOnOpenFailure : null;
                        case "registerService" -> {
                            assertEquals("file", ((Dictionary<?, ?>) args[2]).get("storage.name"));
                            if (args[0] == MetricSource.class) {
                                sources.add((MetricSource) args[1]);
                                yield sourceRegistration;
                            }
                            assertEquals(StorageEngine.class, args[0]);
                            registered.add((StorageEngine) args[1]);
                            yield registration;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
