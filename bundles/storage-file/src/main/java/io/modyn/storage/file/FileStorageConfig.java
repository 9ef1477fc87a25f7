package io.modyn.storage.file;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the embedded file storage (PID {@code io.modyn.storage.file}). */
@ObjectClassDefinition(name = "Modyn file storage",
        description = "The embedded log-structured storage backend: commit log, memtables, sorted tables and compaction in a local directory")
public @interface FileStorageConfig {

    @AttributeDefinition(name = "Data directory",
            description = "Where the commit log, manifest and tables live; a relative path is resolved against the modyn.home system property when it is set")
    String dataDirectory() default "data";

    @AttributeDefinition(name = "Fsync policy",
            description = "group: a write is acknowledged once fsynced, concurrent writes share one fsync (always and batch are accepted as former names);"
                    + " periodic: a write is acknowledged once handed to the OS and the log is fsynced every fsyncPeriodMillis, so a power loss"
                    + " (not a process crash) can lose up to that much acknowledged writes",
            options = {@Option(label = "group", value = "group"), @Option(label = "periodic", value = "periodic")})
    String fsync() default "group";

    @AttributeDefinition(name = "Group window (ms)",
            description = "group policy: how long the log writer gathers commits before one write and fsync; 0 = as soon as possible", min = "0")
    long fsyncWindowMillis() default 0;

    @AttributeDefinition(name = "Fsync period (ms)", description = "periodic policy: the interval between fsyncs, the most acknowledged writes a power loss can lose", min = "1")
    long fsyncPeriodMillis() default 10;

    @AttributeDefinition(name = "Commit-log segment size (MB)", description = "Size at which the commit log starts a new segment file", min = "1", max = "1024")
    long segmentSizeMB() default 32;

    @AttributeDefinition(name = "Memtable budget (MB)",
            description = "Heap all memtables take together before flushing; 0 = an eighth of the maximum heap", min = "0")
    long memtableBudgetMB() default 0;

    @AttributeDefinition(name = "Table block size (KB)", description = "Uncompressed size of the data blocks of sorted tables", min = "1", max = "65536")
    int blockSizeKB() default 16;

    @AttributeDefinition(name = "Table compression", description = "How data blocks of new sorted tables are compressed; existing tables keep theirs",
            options = {@Option(label = "lz4", value = "lz4"), @Option(label = "none", value = "none")})
    String compression() default "lz4";

    @AttributeDefinition(name = "Block cache (MB)", description = "Memory for decompressed table blocks; 0 = an eighth of the maximum heap", min = "0")
    long blockCacheMB() default 0;

    @AttributeDefinition(name = "Compaction strategy",
            description = "The default for keyspaces: size-tiered (fewer rewrites, for write-heavy tables) or leveled (fewer tables per read)",
            options = {@Option(label = "size-tiered", value = "size-tiered"), @Option(label = "leveled", value = "leveled")})
    String compactionStrategy() default "size-tiered";

    @AttributeDefinition(name = "Leveled keyspaces",
            description = "Comma-separated keyspace names compacted leveled whatever the default; * and ? are wildcards (e.g. orders,orders.*)")
    String leveledKeyspaces() default "";

    @AttributeDefinition(name = "Compaction throughput (MB/s)", description = "The rate all compactions together may write at; 0 = unlimited", min = "0")
    long compactionMBPerSecond() default 64;

    @AttributeDefinition(name = "Lock timeout (ms)",
            description = "How long a transaction waits for a record lock before failing with a retryable conflict", min = "0")
    long lockTimeoutMillis() default 5000;
}
