package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SignedClients;
import io.modyn.itests.support.StorageBackend;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS temporary credentials on a server started with {@code --auth iam}: {@code GetSessionToken}
 * through the SDK's {@link StsClient} and the AWS CLI gives {@code ASIA...} keys that sign DynamoDB
 * and STS requests as the caller, together with their session token only; a missing or wrong token
 * is refused as AWS refuses it; sessions cannot get sessions; AssumeRole of a role that does not
 * exist is AccessDenied (roles come from the role store, wired by the lead); neither the session's
 * secret nor its token is stored in clear; and on PostgreSQL a session made on one node signs on
 * another. Expiry cannot be shown here without waiting 15 minutes (the server's clock is real and
 * 900 s is the shortest session): SessionTokenVerificationTest in auth-iam shows it with a clock.
 */
class StsSessionsTest {

    static final String ACCOUNT = "123456789012";
    static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private static ModynServer server;

    @BeforeAll
    static void startServerWithAuthentication() {
        server = ModynServer.startWithEnvironment("sts-sessions", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    private static AwsSessionCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    @Test
    void aUsersSessionTokenSignsDynamoDbAndStsRequestsAsThatUser() {
        User user;
        AccessKey key;
        try (IamClient iam = SignedClients.signedAs(IamClient.builder(), server, SignedClients.root())) {
            user = iam.createUser(request -> request.userName("sally").path("/ops/")).user();
            key = iam.createAccessKey(request -> request.userName("sally")).accessKey();
            // A session token carries its user's permissions: sally may use DynamoDB.
            iam.putUserPolicy(request -> request.userName("sally").policyName("dynamodb").policyDocument(
                    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"dynamodb:*\", \"Resource\": \"*\"}]}"));
        }
        Credentials credentials;
        Instant asked = Instant.now();
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            credentials = sts.getSessionToken(request -> request.durationSeconds(900)).credentials();
        }
        assertTrue(credentials.accessKeyId().matches("ASIA[A-Z0-9]{16}"), credentials.accessKeyId());
        assertEquals(40, credentials.secretAccessKey().length());
        assertFalse(credentials.sessionToken().isEmpty());
        assertWithin(asked.plusSeconds(900), credentials.expiration());

        try (DynamoDbClient dynamo = SignedClients.signedAs(DynamoDbClient.builder(), server, session(credentials));
             StsClient sts = SignedClients.signedAs(StsClient.builder(), server, session(credentials))) {
            dynamo.createTable(request -> request.tableName("SessionNotes")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            dynamo.putItem(request -> request.tableName("SessionNotes").item(Map.of("id", AttributeValue.fromS("n1"))));
            assertEquals("n1", dynamo.getItem(request -> request.tableName("SessionNotes").key(Map.of("id", AttributeValue.fromS("n1"))))
                    .item().get("id").s());
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals(user.arn(), identity.arn());
            assertEquals(user.userId(), identity.userId());
            assertEquals(ACCOUNT, identity.account());

            StsException again = assertThrows(StsException.class, () -> sts.getSessionToken());
            assertError(again, 403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
        }
    }

    @Test
    void aTemporaryKeyWithoutItsTokenOrWithAnotherIsRefused() {
        Credentials credentials;
        Credentials other;
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, SignedClients.root())) {
            credentials = sts.getSessionToken().credentials();
            other = sts.getSessionToken().credentials();
        }
        AwsCredentials withoutToken = AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey());
        AwsCredentials wrongToken = AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), other.sessionToken());
        for (AwsCredentials refused : List.of(withoutToken, wrongToken)) {
            try (DynamoDbClient dynamo = SignedClients.signedAs(DynamoDbClient.builder(), server, refused);
                 StsClient sts = SignedClients.signedAs(StsClient.builder(), server, refused)) {
                DynamoDbException error = assertThrows(DynamoDbException.class, dynamo::listTables);
                assertError(error, 400, "UnrecognizedClientException", INVALID_TOKEN);
                StsException stsError = assertThrows(StsException.class, sts::getCallerIdentity);
                assertError(stsError, 403, "InvalidClientTokenId", INVALID_TOKEN);
            }
        }
        try (DynamoDbClient dynamo = SignedClients.signedAs(DynamoDbClient.builder(), server, session(other))) {
            dynamo.listTables();
        }
    }

    @Test
    void theRootsSessionLastsAtMostAnHourAndActsAsTheRoot() {
        Instant asked = Instant.now();
        Credentials credentials;
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, SignedClients.root())) {
            credentials = sts.getSessionToken(request -> request.durationSeconds(129_600)).credentials();
        }
        assertWithin(asked.plusSeconds(3600), credentials.expiration());
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, session(credentials))) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals("arn:aws:iam::" + ACCOUNT + ":root", identity.arn());
            assertEquals(ACCOUNT, identity.userId());
        }
    }

    @Test
    void durationsOutsideStsRangeAreValidationErrors() {
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, SignedClients.root())) {
            StsException error = assertThrows(StsException.class, () -> sts.getSessionToken(request -> request.durationSeconds(899)));
            assertError(error, 400, "ValidationError", "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 900");
        }
    }

    @Test
    void assumingARoleThatDoesNotExistIsAccessDenied() {
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/nobody";
        try (IamClient iam = SignedClients.signedAs(IamClient.builder(), server, SignedClients.root())) {
            iam.createUser(request -> request.userName("ravi"));
            AccessKey key = iam.createAccessKey(request -> request.userName("ravi")).accessKey();
            try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
                StsException error = assertThrows(StsException.class, () -> sts.assumeRole(request -> request.roleArn(roleArn)
                        .roleSessionName("try")));
                assertError(error, 403, "AccessDenied", "User: arn:aws:iam::" + ACCOUNT + ":user/ravi is not authorized to perform: "
                        + "sts:AssumeRole on resource: " + roleArn);
            }
        }
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, SignedClients.root())) {
            StsException error = assertThrows(StsException.class, () -> sts.assumeRole(request -> request.roleArn(roleArn).roleSessionName("try")));
            assertError(error, 403, "AccessDenied", "Roles may not be assumed by root accounts.");
        }
    }

    @Test
    void theAwsCliGetsASessionTokenAndUsesIt() {
        AwsCli aws = awsCli();
        JsonObject credentials = aws.run("sts", "get-session-token", "--duration-seconds", "900").getJsonObject("Credentials");
        assertTrue(credentials.getString("AccessKeyId").startsWith("ASIA"), credentials.getString("AccessKeyId"));
        AwsCli asSession = aws.withEnvironment("AWS_ACCESS_KEY_ID", credentials.getString("AccessKeyId"))
                .withEnvironment("AWS_SECRET_ACCESS_KEY", credentials.getString("SecretAccessKey"))
                .withEnvironment("AWS_SESSION_TOKEN", credentials.getString("SessionToken"));
        assertTrue(asSession.run("dynamodb", "list-tables").containsKey("TableNames"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":root", asSession.run("sts", "get-caller-identity").getString("Arn"));
    }

    @Test
    void neitherTheSessionSecretNorItsTokenIsStoredInClear() throws Exception {
        Credentials credentials;
        try (StsClient sts = SignedClients.signedAs(StsClient.builder(), server, SignedClients.root())) {
            credentials = sts.getSessionToken().credentials();
        }
        for (String secret : List.of(credentials.secretAccessKey(), credentials.sessionToken())) {
            byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), filesContaining(server.dataDir(), needle), "files holding a session secret in clear");
            assertFalse(server.logTail().contains(secret), "the log names no session secret");
            if (StorageBackend.current() == StorageBackend.POSTGRES) {
                try (Connection connection = DriverManager.getConnection(System.getenv(StorageBackend.POSTGRES_URL));
                     PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + server.schema()
                             + ".records WHERE position(? in value) > 0")) {
                    select.setBytes(1, needle);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        assertEquals(0, rows.getInt(1), "no record of the database holds a session secret in clear");
                    }
                }
            }
        }
        if (StorageBackend.current() == StorageBackend.FILE) {
            assertFalse(filesContaining(server.dataDir(), credentials.accessKeyId().getBytes(StandardCharsets.UTF_8)).isEmpty(),
                    "the session's record is in the data directory");
        }
    }

    @Test
    void onPostgresASessionMadeOnOneNodeSignsOnAnother() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "two nodes share a database only on PostgreSQL");
        Path keyFile = Path.of("target", "sts-sessions-shared-secret.key").toAbsolutePath();
        Files.deleteIfExists(keyFile);
        Map<String, String> environment = new HashMap<>(SignatureAuthenticationTest.ROOT_KEYS);
        environment.put("MODYN_IAM_SECRET_KEY_FILE", keyFile.toString());
        List<String> options = List.of("--auth", "iam", "--account-id", ACCOUNT);
        try (ModynServer nodeA = ModynServer.startWithEnvironment("sts-node-a", options, environment);
             ModynServer nodeB = ModynServer.startSharingDatabase("sts-node-b", nodeA, options, environment)) {
            Credentials credentials;
            try (StsClient stsA = SignedClients.signedAs(StsClient.builder(), nodeA, SignedClients.root())) {
                credentials = stsA.getSessionToken(request -> request.durationSeconds(900)).credentials();
            }
            try (DynamoDbClient onB = SignedClients.signedAs(DynamoDbClient.builder(), nodeB, session(credentials));
                 StsClient stsOnB = SignedClients.signedAs(StsClient.builder(), nodeB, session(credentials))) {
                onB.listTables();
                assertEquals("arn:aws:iam::" + ACCOUNT + ":root", stsOnB.getCallerIdentity().arn());
            }
            AwsCredentials wrong = AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), "forged");
            try (DynamoDbClient onB = SignedClients.signedAs(DynamoDbClient.builder(), nodeB, wrong)) {
                assertError(assertThrows(DynamoDbException.class, onB::listTables), 400, "UnrecognizedClientException", INVALID_TOKEN);
            }
        }
    }

    /** STS's Expiration is whole seconds, set when the server answered: within a minute of what was asked. */
    private static void assertWithin(Instant expected, Instant actual) {
        assertTrue(Math.abs(Duration.between(expected, actual).toSeconds()) <= 60, actual + " is not about " + expected);
    }

    private static void assertError(AwsServiceException error, int status, String code, String message) {
        assertEquals(status, error.statusCode());
        assertEquals(code, error.awsErrorDetails().errorCode());
        assertEquals(message, error.awsErrorDetails().errorMessage());
    }

    private static List<Path> filesContaining(Path directory, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    outer:
                    for (int i = 0; i <= bytes.length - needle.length; i++) {
                        for (int j = 0; j < needle.length; j++) {
                            if (bytes[i + j] != needle[j]) continue outer;
                        }
                        return true;
                    }
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** A client of any AWS service on the server, signing with these credentials and never retrying. */

    private static AwsCli awsCli() {
        return AwsCli.required(server, "sts-sessions");
    }
}
