package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SignedClients;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestCredentials;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * IAM users and their access keys on a server started with {@code --auth iam}: the account root
 * creates users and keys through the AWS SDK's {@link IamClient} and the AWS CLI; a user's key then
 * signs DynamoDB and STS requests as that user (DynamoDB denies a user without policies, as AWS does); a deactivated or deleted key is refused as AWS
 * refuses it; IAM's errors arrive as AWS sends them; the secret is nowhere in clear in the data
 * directory or the database; and on PostgreSQL a user made on one node works on another within a
 * second.
 */
class IamUsersTest {

    static final String ACCOUNT = "123456789012";
    static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    /** The authentication path reads a key at most every 500 ms; a change must reach every node within a second. */
    static final Duration PROPAGATION = Duration.ofSeconds(1);

    private static ModynServer server;

    @BeforeAll
    static void startServerWithAuthentication() {
        server = ModynServer.startWithEnvironment("iam-users", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void rootCreatesAUserWhoseKeySignsDynamoDbAndStsRequestsAsThatUser() {
        try (IamClient iam = iam(server, TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY)) {
            User user = iam.createUser(request -> request.userName("alice").path("/dev/")).user();
            assertEquals("arn:aws:iam::" + ACCOUNT + ":user/dev/alice", user.arn());
            assertTrue(user.userId().matches("AIDA[A-Z0-9]{16}"), user.userId());
            AccessKey key = iam.createAccessKey(request -> request.userName("alice")).accessKey();
            assertTrue(key.accessKeyId().matches("AKIA[A-Z0-9]{16}"), key.accessKeyId());
            assertEquals(StatusType.ACTIVE, key.status());
            assertEquals(40, key.secretAccessKey().length());

            try (DynamoDbClient dynamo = dynamo(server, key.accessKeyId(), key.secretAccessKey());
                 StsClient sts = sts(server, key.accessKeyId(), key.secretAccessKey())) {
                // Signed as alice, who has no policy: authenticated (not UnrecognizedClient), then denied as AWS denies her.
                DynamoDbException denied = assertThrows(DynamoDbException.class, dynamo::listTables);
                assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
                assertEquals("User: " + user.arn() + " is not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:"
                        + server.region() + ":" + ACCOUNT + ":table/* because no identity-based policy allows the dynamodb:ListTables action",
                        denied.awsErrorDetails().errorMessage());
                GetCallerIdentityResponse identity = sts.getCallerIdentity();
                assertEquals(user.arn(), identity.arn());
                assertEquals(user.userId(), identity.userId());
                assertEquals(ACCOUNT, identity.account());
            }
            GetAccessKeyLastUsedResponse lastUsed = iam.getAccessKeyLastUsed(request -> request.accessKeyId(key.accessKeyId()));
            assertEquals("alice", lastUsed.userName());
            assertEquals("dynamodb", lastUsed.accessKeyLastUsed().serviceName());
            assertEquals(server.region(), lastUsed.accessKeyLastUsed().region());
            assertNotNull(lastUsed.accessKeyLastUsed().lastUsedDate());

            // Users read their own identity only as their policies allow, as in AWS.
            iam.putUserPolicy(request -> request.userName("alice").policyName("self").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Action": ["iam:GetUser", "iam:ListAccessKeys"], "Resource": "arn:aws:iam::*:user/dev/${aws:username}"}]}"""));
            try (IamClient asAlice = iam(server, key.accessKeyId(), key.secretAccessKey())) {
                Eventually.await("alice's policy applies", PROPAGATION, () -> "alice".equals(asAlice.getUser().user().userName()));
                assertEquals(List.of(key.accessKeyId()),
                        asAlice.listAccessKeys().accessKeyMetadata().stream().map(m -> m.accessKeyId()).toList());
            }
        }
    }

    @Test
    void anInactiveKeyIsRefusedAsDynamoDbRefusesItAndWorksAgainOnceActiveUntilDeleted() {
        try (IamClient iam = iam(server, TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY)) {
            iam.createUser(request -> request.userName("bob"));
            AccessKey key = iam.createAccessKey(request -> request.userName("bob")).accessKey();
            try (DynamoDbClient dynamo = dynamo(server, key.accessKeyId(), key.secretAccessKey())) {
                assertFalse(refused(dynamo));

                iam.updateAccessKey(request -> request.userName("bob").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
                Eventually.await("the inactive key is refused", PROPAGATION, () -> refused(dynamo));
                DynamoDbException error = assertThrows(DynamoDbException.class, dynamo::listTables);
                assertEquals(400, error.statusCode());
                assertEquals("UnrecognizedClientException", error.awsErrorDetails().errorCode());
                assertEquals(INVALID_TOKEN, error.awsErrorDetails().errorMessage());
                assertEquals(StatusType.INACTIVE, iam.listAccessKeys(request -> request.userName("bob")).accessKeyMetadata().get(0).status());

                iam.updateAccessKey(request -> request.userName("bob").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
                Eventually.await("the reactivated key works", PROPAGATION, () -> !refused(dynamo));

                iam.deleteAccessKey(request -> request.userName("bob").accessKeyId(key.accessKeyId()));
                Eventually.await("the deleted key is refused", PROPAGATION, () -> refused(dynamo));
            }
            iam.deleteUser(request -> request.userName("bob"));
        }
    }

    @Test
    void iamErrorsArriveAsAwsSendsThem() {
        try (IamClient iam = iam(server, TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY)) {
            NoSuchEntityException missing = assertThrows(NoSuchEntityException.class, () -> iam.getUser(request -> request.userName("nobody")));
            assertError(missing, 404, "NoSuchEntity", "The user with name nobody cannot be found.");

            iam.createUser(request -> request.userName("carol"));
            EntityAlreadyExistsException twice = assertThrows(EntityAlreadyExistsException.class,
                    () -> iam.createUser(request -> request.userName("Carol")));
            assertError(twice, 409, "EntityAlreadyExists", "User with name Carol already exists.");

            String first = iam.createAccessKey(request -> request.userName("carol")).accessKey().accessKeyId();
            String second = iam.createAccessKey(request -> request.userName("carol")).accessKey().accessKeyId();
            LimitExceededException third = assertThrows(LimitExceededException.class, () -> iam.createAccessKey(request -> request.userName("carol")));
            assertError(third, 409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");

            DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteUser(request -> request.userName("carol")));
            assertError(conflict, 409, "DeleteConflict", "Cannot delete entity, must delete access keys first.");

            for (String keyId : List.of(first, second)) iam.deleteAccessKey(request -> request.userName("carol").accessKeyId(keyId));
            iam.deleteUser(request -> request.userName("carol"));
            assertThrows(NoSuchEntityException.class, () -> iam.getUser(request -> request.userName("carol")));
        }
    }

    @Test
    void theAwsCliCreatesAUserAndAKeyThatWorks() {
        AwsCli aws = awsCli();
        JsonObject user = aws.run("iam", "create-user", "--user-name", "dave").getJsonObject("User");
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/dave", user.getString("Arn"));
        JsonObject key = aws.run("iam", "create-access-key", "--user-name", "dave").getJsonObject("AccessKey");
        assertEquals("Active", key.getString("Status"));
        List<String> names = new ArrayList<>();
        aws.run("iam", "list-users").getJsonArray("Users").forEach(entry -> names.add(entry.asJsonObject().getString("UserName")));
        assertTrue(names.contains("dave"), names.toString());
        AwsCli asDave = aws.withEnvironment("AWS_ACCESS_KEY_ID", key.getString("AccessKeyId"))
                .withEnvironment("AWS_SECRET_ACCESS_KEY", key.getString("SecretAccessKey"));
        // dave has no policy: the CLI's request is authenticated as dave and denied.
        AssertionError denied = assertThrows(AssertionError.class, () -> asDave.run("dynamodb", "list-tables"));
        assertTrue(denied.getMessage().contains("AccessDeniedException") && denied.getMessage().contains(user.getString("Arn")
                + " is not authorized to perform: dynamodb:ListTables"), denied.getMessage());
        assertEquals(user.getString("Arn"), asDave.run("sts", "get-caller-identity").getString("Arn"));
    }

    @Test
    void theSecretIsNowhereInClearInTheDataDirectoryOrTheDatabase() throws Exception {
        AccessKey key;
        try (IamClient iam = iam(server, TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY)) {
            iam.createUser(request -> request.userName("erin"));
            key = iam.createAccessKey(request -> request.userName("erin")).accessKey();
        }
        String secret = key.secretAccessKey();
        Path keyFile = server.dataDir().resolve("iam-secret.key");
        assertEquals(32, Files.size(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> holding = filesContaining(server.dataDir(), needle);
        assertEquals(List.of(), holding, "files holding the secret in clear");
        if (StorageBackend.current() == StorageBackend.FILE) {
            // The search does see the identity records: the key's record (its id is not secret) is in the data directory.
            assertFalse(filesContaining(server.dataDir(), key.accessKeyId().getBytes(StandardCharsets.UTF_8)).isEmpty(),
                    "the access key's record is in the data directory");
        }
        assertFalse(server.logTail().contains(secret), "the log names no secret");

        if (StorageBackend.current() == StorageBackend.POSTGRES) {
            try (Connection connection = DriverManager.getConnection(System.getenv(StorageBackend.POSTGRES_URL));
                 PreparedStatement select = connection.prepareStatement("SELECT r.value FROM " + server.schema() + ".records r JOIN "
                         + server.schema() + ".keyspaces k ON k.id = r.keyspace_id WHERE k.name = 'modyn.iam'");
                 ResultSet rows = select.executeQuery()) {
                int identityRecords = 0;
                while (rows.next()) {
                    identityRecords++;
                    assertFalse(indexOf(rows.getBytes(1), needle) >= 0, "an identity record holds the secret in clear");
                }
                assertTrue(identityRecords >= 2, "the user and its key are stored in the database: " + identityRecords);
            }
            try (Connection connection = DriverManager.getConnection(System.getenv(StorageBackend.POSTGRES_URL));
                 PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + server.schema()
                         + ".records WHERE position(? in value) > 0")) {
                select.setBytes(1, needle);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    assertEquals(0, rows.getInt(1), "no record of the database holds the secret in clear");
                }
            }
        }
    }

    @Test
    void onPostgresAUserMadeOnOneNodeAuthenticatesOnAnotherWithinASecond() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "two nodes share a database only on PostgreSQL");
        Path keyFile = Path.of("target", "iam-users-shared-secret.key").toAbsolutePath();
        Files.deleteIfExists(keyFile);
        Map<String, String> environment = new HashMap<>(SignatureAuthenticationTest.ROOT_KEYS);
        environment.put("MODYN_IAM_SECRET_KEY_FILE", keyFile.toString());
        List<String> options = List.of("--auth", "iam", "--account-id", ACCOUNT);
        try (ModynServer nodeA = ModynServer.startWithEnvironment("iam-node-a", options, environment);
             ModynServer nodeB = ModynServer.startSharingDatabase("iam-node-b", nodeA, options, environment);
             IamClient iamA = iam(nodeA, TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY);
             IamClient iamB = iam(nodeB, TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY)) {
            assertFalse(Files.exists(nodeA.dataDir().resolve("iam-secret.key")), "the key file named by the variable is used");
            User user = iamA.createUser(request -> request.userName("frank")).user();
            AccessKey key = iamA.createAccessKey(request -> request.userName("frank")).accessKey();
            try (DynamoDbClient onB = dynamo(nodeB, key.accessKeyId(), key.secretAccessKey());
                 StsClient stsOnB = sts(nodeB, key.accessKeyId(), key.secretAccessKey())) {
                Eventually.await("node B accepts the key made on node A", PROPAGATION, () -> !refused(onB));
                assertEquals(user.arn(), stsOnB.getCallerIdentity().arn());
                assertEquals(user.userId(), stsOnB.getCallerIdentity().userId());

                EntityAlreadyExistsException twice = assertThrows(EntityAlreadyExistsException.class,
                        () -> iamB.createUser(request -> request.userName("frank")));
                assertError(twice, 409, "EntityAlreadyExists", "User with name frank already exists.");

                iamA.updateAccessKey(request -> request.userName("frank").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
                Eventually.await("node B refuses the key deactivated on node A", PROPAGATION, () -> refused(onB));
            }
        }
    }

    /**
     * Whether the key is refused at authentication. A user without policies is denied ListTables
     * after authentication (AccessDeniedException): that is a key that works.
     */
    private static boolean refused(DynamoDbClient dynamo) {
        try {
            dynamo.listTables();
            return false;
        } catch (DynamoDbException e) {
            if ("UnrecognizedClientException".equals(e.awsErrorDetails().errorCode())) return true;
            if ("AccessDeniedException".equals(e.awsErrorDetails().errorCode())) return false;
            throw e;
        }
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
                    return indexOf(Files.readAllBytes(file), needle) >= 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static IamClient iam(ModynServer target, String accessKeyId, String secret) {
        return SignedClients.iam(target, SignedClients.keys(accessKeyId, secret));
    }

    private static StsClient sts(ModynServer target, String accessKeyId, String secret) {
        return SignedClients.sts(target, SignedClients.keys(accessKeyId, secret));
    }

    private static DynamoDbClient dynamo(ModynServer target, String accessKeyId, String secret) {
        return SignedClients.dynamo(target, SignedClients.keys(accessKeyId, secret));
    }

    private static AwsCli awsCli() {
        return AwsCli.required(server, "iam");
    }
}
