package io.modyn.itests.support;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** AWS SDK v2 clients pointed at a Modyn server, configured as a user would for a local endpoint. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** A client of the server with the SDK's default retry behaviour. */
    public static DynamoDbClient create(ModynServer server) {
        return builder(server).build();
    }

    /**
     * A client that never retries: for the conformance tests, where an answer of 5xx is itself the
     * failure to report, and the SDK's eight retries with backoff would only hide it and slow the run.
     */
    public static DynamoDbClient withoutRetries(ModynServer server) {
        return builder(server)
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A client builder with the server's endpoint and region, dummy credentials and the Apache HTTP client set. */
    public static DynamoDbClientBuilder builder(ModynServer server) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(TestCredentials.provider())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
    }

    /**
     * Retries for a client that must ride out a short outage (a storage bundle being swapped): many
     * attempts with capped exponential backoff, and no circuit breaker, which would otherwise stop
     * retrying after a burst of failures.
     */
    public static RetryStrategy patientRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(40)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(20), Duration.ofMillis(500)))
                .circuitBreakerEnabled(false)
                .build();
    }
}
