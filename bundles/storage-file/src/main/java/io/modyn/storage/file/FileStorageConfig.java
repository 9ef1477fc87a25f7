package io.modyn.storage.file;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the embedded file storage (PID {@code io.modyn.storage.file}). */
@ObjectClassDefinition(name = "Modyn file storage", description = "The embedded storage backend: commit log, memtables and checkpoints in a local directory")
public @interface FileStorageConfig {

    @AttributeDefinition(name = "Data directory",
            description = "Where the commit log and snapshots live; a relative path is resolved against the modyn.home system property when it is set")
    String dataDirectory() default "data";

    @AttributeDefinition(name = "Fsync policy",
            description = "always: fsync before acknowledging each group of commits; batch: gather commits for fsyncWindowMillis, then fsync and acknowledge;"
                    + " periodic: acknowledge once written to the OS and fsync every fsyncWindowMillis",
            options = {@Option(label = "always", value = "always"), @Option(label = "batch", value = "batch"),
                    @Option(label = "periodic", value = "periodic")})
    String fsync() default "always";

    @AttributeDefinition(name = "Fsync window (ms)", description = "The gathering window of the batch policy, or the sync interval of the periodic policy", min = "1")
    long fsyncWindowMillis() default 10;

    @AttributeDefinition(name = "Checkpoint interval (s)",
            description = "How often memtables are snapshotted and covered commit-log segments deleted; 0 disables checkpoints", min = "0")
    long checkpointIntervalSeconds() default 300;

    @AttributeDefinition(name = "Lock timeout (ms)",
            description = "How long a transaction waits for a record lock before failing with a retryable conflict", min = "0")
    long lockTimeoutMillis() default 5000;
}
