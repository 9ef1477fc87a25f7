package io.modyn.itests.support;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Clients of the server's AWS services signing with given credentials (an IAM user's, a role
 * session's, the root's), as the tests of authentication and authorization need several callers at
 * once. They never retry, so a refusal reaches the test as the server sent it.
 */
public final class SignedClients {

    private SignedClients() {
    }

    /** The account root of a server started with {@code --auth iam} and the test root keys. */
    public static AwsCredentials root() {
        return AwsBasicCredentials.create(TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY);
    }

    public static AwsCredentials keys(String accessKeyId, String secretAccessKey) {
        return AwsBasicCredentials.create(accessKeyId, secretAccessKey);
    }

    public static DynamoDbClient dynamo(ModynServer server, AwsCredentials credentials) {
        return signedAs(DynamoDbClient.builder(), server, credentials);
    }

    public static IamClient iam(ModynServer server, AwsCredentials credentials) {
        return signedAs(IamClient.builder(), server, credentials);
    }

    public static StsClient sts(ModynServer server, AwsCredentials credentials) {
        return signedAs(StsClient.builder(), server, credentials);
    }

    /** A client of any AWS service on the server, signing with these credentials and never retrying. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C signedAs(B builder, ModynServer server,
            AwsCredentials credentials) {
        return builder.endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .build();
    }
}
