package io.modyn.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK clients for a server. Referenced only once a test asks for a {@code DynamoDbClient}
 * (the SDK is then on its class path), so the extension works without the SDK.
 */
final class DynamoDbClients {

    static final String CLIENT_CLASS = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";

    private DynamoDbClients() {
    }

    /** A client of the server's endpoint and region, with dummy credentials (open mode checks none). */
    static DynamoDbClient create(ModynServer server) {
        return DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("modyn", "modyn")))
                .build();
    }
}
