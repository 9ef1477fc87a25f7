package io.modyn.engine;

import io.modyn.engine.encryption.EncryptionSettings;
import io.modyn.engine.index.ItemCollections;
import io.modyn.engine.stream.StreamLimits;
import io.modyn.engine.ttl.ExpirySettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Modyn engine", description = "DynamoDB semantics: the identity the server reports in ARNs, the pace of TTL expiry, "
        + "and (for tests only) DynamoDB limits too large to reach in a test")
public @interface EngineConfig {

    @AttributeDefinition(description = "The AWS region this server claims to be, used in ARNs and stream records")
    String region() default EngineSettings.DEFAULT_REGION;

    @AttributeDefinition(description = "The twelve-digit account id used in ARNs")
    String accountId() default EngineSettings.DEFAULT_ACCOUNT_ID;

    @AttributeDefinition(name = "TTL scan interval (seconds)", min = "1", description = "Seconds between two passes of the TTL expirer over the tables with TTL enabled; "
            + "each pass scans those tables, so a shorter interval deletes sooner and costs more reads")
    long ttlScanIntervalSeconds() default ExpirySettings.DEFAULT_SCAN_INTERVAL_SECONDS;

    @AttributeDefinition(name = "TTL deletes per second (maximum)", min = "1", description = "The most expired items the TTL expirer deletes per second, so that expiry never crowds out client requests")
    int ttlMaxDeletesPerSecond() default ExpirySettings.DEFAULT_MAX_DELETES_PER_SECOND;

    @AttributeDefinition(name = "Stream iterator lifetime (seconds)", min = "1", description = "Exists for testing: seconds after which a shard iterator "
            + "expires (ExpiredIteratorException). The default is DynamoDB's value, 15 minutes; change it only to test expiry")
    long streamIteratorLifetimeSeconds() default StreamLimits.DEFAULT_ITERATOR_LIFETIME_SECONDS;

    @AttributeDefinition(name = "Stream retention (seconds)", min = "1", description = "Exists for testing: seconds a stream record is kept before it is "
            + "trimmed (TrimmedDataAccessException). The default is DynamoDB's value, 24 hours; change it only to test retention")
    long streamRetentionSeconds() default StreamLimits.DEFAULT_RETENTION_SECONDS;

    @AttributeDefinition(name = "Item collection limit (bytes)", min = "1", description = "Exists for testing: the largest item collection (items sharing a "
            + "partition key in a table with local secondary indexes) before writes fail with ItemCollectionSizeLimitExceededException. "
            + "The default is DynamoDB's value, 10 GB; change it only to test the limit")
    long itemCollectionLimitBytes() default ItemCollections.MAX_BYTES;

    @AttributeDefinition(name = "Throttling", description = "Throttle provisioned tables and their global secondary indexes as "
            + "DynamoDB does (token buckets at the provisioned rates with 300 seconds of burst, ProvisionedThroughputExceededException "
            + "when exhausted). Buckets are kept per node: several nodes over one database each admit the provisioned rate. "
            + "Turn it off for development with bin/modyn --no-throttling (MODYN_THROTTLING=false)")
    boolean throttling() default true;

    @AttributeDefinition(name = "Encrypt all tables", description = "Seal the stored values of tables under the owned key too (tables created "
            + "without an SSESpecification), with data keys from the key service (bin/modyn --encrypt-all, MODYN_ENCRYPT_ALL). Off by default, so "
            + "that a data directory stays readable without a key file; tables with a KMS key are always encrypted")
    boolean encryptAll() default false;

    @AttributeDefinition(name = "Data key cache (seconds)", min = "1", description = "How long a table's plaintext data keys stay in memory "
            + "before the key service unwraps them again")
    long dataKeyCacheSeconds() default EncryptionSettings.DEFAULT_DATA_KEY_CACHE_SECONDS;

    @AttributeDefinition(name = "Key check interval (milliseconds)", min = "1", description = "How often, at most, the state of an encrypted "
            + "table's master key is checked while the table is used: a disabled or deleted key stops the table's reads and writes within this time")
    long keyCheckIntervalMillis() default EncryptionSettings.DEFAULT_KEY_CHECK_MILLIS;
}
