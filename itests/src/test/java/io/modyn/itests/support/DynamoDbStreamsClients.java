package io.modyn.itests.support;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The SDK's DynamoDB Streams client pointed at a Modyn server: the Streams API
 * ({@code DynamoDBStreams_20120810.*}) is served on the same endpoint as the DynamoDB API.
 */
public final class DynamoDbStreamsClients {

    private DynamoDbStreamsClients() {
    }

    /** A streams client that never retries, so every error the server answers is seen. */
    public static DynamoDbStreamsClient withoutRetries(ModynServer server) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(TestCredentials.provider())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
