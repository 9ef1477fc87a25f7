package io.modyn.engine;

import io.modyn.engine.ttl.ExpirySettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Modyn engine", description = "DynamoDB semantics: the identity the server reports in ARNs, and the pace of TTL expiry")
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
}
