package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SignedClients;
import io.modyn.itests.support.StorageBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * IAM policies enforced down to items and attributes on a server started with {@code --auth iam},
 * through callers holding different credentials, as AWS's fine-grained access control documents
 * it: a user confined to the partition named after it ({@code dynamodb:LeadingKeys} with
 * {@code ${aws:username}}), a reader confined to some attributes ({@code dynamodb:Attributes} with
 * {@code dynamodb:Select}), an explicit deny beating an allow, a table's resource-based policy
 * granting a user with no identity-based policy, a role session limited to its role's policy, and
 * on PostgreSQL two nodes applying a policy change within a second of each other. Refusals are
 * {@code AccessDeniedException} with AWS's messages; a refused operation writes nothing.
 */
class FineGrainedAccessTest {

    static final String ACCOUNT = "123456789012";
    static final String TABLE = "Scores";
    /** Policies are read through caches that live at most a second; allow for a slow machine. */
    static final Duration PROPAGATION = Duration.ofSeconds(3);

    private static ModynServer server;
    private static IamClient rootIam;
    private static DynamoDbClient rootDynamo;

    @BeforeAll
    static void startServerWithATable() {
        server = ModynServer.startWithEnvironment("fine-grained", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
        rootIam = SignedClients.iam(server, SignedClients.root());
        rootDynamo = SignedClients.dynamo(server, SignedClients.root());
        createScoresTable(rootDynamo);
    }

    @AfterAll
    static void stopServer() {
        if (rootIam != null) rootIam.close();
        if (rootDynamo != null) rootDynamo.close();
        if (server != null) server.close();
    }

    @Test
    void aUserConfinedToItsOwnPartitionByTheCliReadsAndWritesItButNoOtherPartition() {
        AwsCli aws = AwsCli.required(server, "fine-grained");
        aws.run("iam", "create-user", "--user-name", "alice");
        String keyId;
        String secret;
        var created = aws.run("iam", "create-access-key", "--user-name", "alice").getJsonObject("AccessKey");
        keyId = created.getString("AccessKeyId");
        secret = created.getString("SecretAccessKey");
        aws.run("iam", "put-user-policy", "--user-name", "alice", "--policy-name", "own-partition", "--policy-document", """
                {"Version": "2012-10-17", "Statement": [{
                  "Effect": "Allow",
                  "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
                             "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem"],
                  "Resource": "arn:aws:dynamodb:*:*:table/Scores",
                  "Condition": {"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["${aws:username}"]}}
                }]}""");
        rootDynamo.putItem(request -> request.tableName(TABLE).item(score("bob", "chess", 7)));

        try (DynamoDbClient alice = SignedClients.dynamo(server, SignedClients.keys(keyId, secret))) {
            Eventually.await("alice's policy applies", PROPAGATION, () -> allowed(() -> alice.putItem(
                    request -> request.tableName(TABLE).item(score("alice", "chess", 3)))));
            assertEquals("3", alice.getItem(request -> request.tableName(TABLE).key(key("alice", "chess"))).item().get("TopScore").n());
            alice.updateItem(request -> request.tableName(TABLE).key(key("alice", "chess"))
                    .updateExpression("SET TopScore = :s").expressionAttributeValues(Map.of(":s", number(4))));
            assertEquals(1, alice.query(request -> request.tableName(TABLE).keyConditionExpression("UserId = :u")
                    .expressionAttributeValues(Map.of(":u", string("alice")))).count());

            String user = "arn:aws:iam::" + ACCOUNT + ":user/alice";
            assertDenied(user, "dynamodb:GetItem", table(), NO_IDENTITY_ALLOW,
                    () -> alice.getItem(request -> request.tableName(TABLE).key(key("bob", "chess"))));
            assertDenied(user, "dynamodb:Query", table(), NO_IDENTITY_ALLOW,
                    () -> alice.query(request -> request.tableName(TABLE).keyConditionExpression("UserId = :u")
                            .expressionAttributeValues(Map.of(":u", string("bob")))));
            assertDenied(user, "dynamodb:BatchGetItem", table(), NO_IDENTITY_ALLOW,
                    () -> alice.batchGetItem(request -> request.requestItems(Map.of(TABLE,
                            KeysAndAttributes.builder().keys(key("alice", "chess"), key("bob", "chess")).build()))));
            assertDenied(user, "dynamodb:UpdateItem", table(), NO_IDENTITY_ALLOW,
                    () -> alice.updateItem(request -> request.tableName(TABLE).key(key("bob", "chess"))
                            .updateExpression("SET TopScore = :s").expressionAttributeValues(Map.of(":s", number(0)))));
            assertDenied(user, "dynamodb:PutItem", table(), NO_IDENTITY_ALLOW,
                    () -> alice.transactWriteItems(request -> request.transactItems(
                            TransactWriteItem.builder().put(put -> put.tableName(TABLE).item(score("alice", "go", 1))).build(),
                            TransactWriteItem.builder().put(put -> put.tableName(TABLE).item(score("bob", "go", 1))).build())));
        }
        assertFalse(rootDynamo.getItem(request -> request.tableName(TABLE).key(key("alice", "go"))).hasItem(),
                "the denied transaction wrote none of its items");
        assertEquals("7", rootDynamo.getItem(request -> request.tableName(TABLE).key(key("bob", "chess"))).item().get("TopScore").n(),
                "bob's item is untouched");
    }

    @Test
    void aReaderConfinedToSomeAttributesMustProjectThem() {
        AccessKey carol = userWithInlinePolicy("carol", """
                {"Version": "2012-10-17", "Statement": [{
                  "Effect": "Allow",
                  "Action": ["dynamodb:Query"],
                  "Resource": "arn:aws:dynamodb:*:*:table/Scores",
                  "Condition": {
                    "ForAllValues:StringEquals": {"dynamodb:Attributes": ["UserId", "GameTitle", "TopScore"]},
                    "StringEqualsIfExists": {"dynamodb:Select": "SPECIFIC_ATTRIBUTES"}
                  }
                }]}""");
        rootDynamo.putItem(request -> request.tableName(TABLE).item(withSecret(score("dan", "chess", 9))));
        try (DynamoDbClient reader = SignedClients.dynamo(server, SignedClients.keys(carol.accessKeyId(), carol.secretAccessKey()))) {
            Eventually.await("carol's policy applies", PROPAGATION, () -> allowed(() -> queryDan(reader, "UserId, TopScore")));
            var items = queryDan(reader, "UserId, TopScore").items();
            assertEquals(1, items.size());
            assertEquals(Map.of("UserId", string("dan"), "TopScore", number(9)), items.get(0));

            String user = "arn:aws:iam::" + ACCOUNT + ":user/carol";
            assertDenied(user, "dynamodb:Query", table(), NO_IDENTITY_ALLOW, () -> queryDan(reader, null));
            assertDenied(user, "dynamodb:Query", table(), NO_IDENTITY_ALLOW, () -> queryDan(reader, "UserId, Secret"));
        }
    }

    @Test
    void anExplicitDenyBeatsAnAllow() {
        AccessKey erin = userWithInlinePolicy("erin", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "arn:aws:dynamodb:*:*:table/Scores"}
                ]}""");
        rootDynamo.putItem(request -> request.tableName(TABLE).item(score("erin", "chess", 1)));
        try (DynamoDbClient dynamo = SignedClients.dynamo(server, SignedClients.keys(erin.accessKeyId(), erin.secretAccessKey()))) {
            Eventually.await("erin's policy applies", PROPAGATION,
                    () -> allowed(() -> dynamo.getItem(request -> request.tableName(TABLE).key(key("erin", "chess")))));
            assertDenied("arn:aws:iam::" + ACCOUNT + ":user/erin", "dynamodb:DeleteItem", table(),
                    "with an explicit deny in an identity-based policy",
                    () -> dynamo.deleteItem(request -> request.tableName(TABLE).key(key("erin", "chess"))));
        }
        assertTrue(rootDynamo.getItem(request -> request.tableName(TABLE).key(key("erin", "chess"))).hasItem());
    }

    @Test
    void aTablesResourcePolicyGrantsAUserWithoutIdentityPolicies() {
        rootIam.createUser(request -> request.userName("frank"));
        AccessKey frank = rootIam.createAccessKey(request -> request.userName("frank")).accessKey();
        String frankArn = "arn:aws:iam::" + ACCOUNT + ":user/frank";
        rootDynamo.putItem(request -> request.tableName(TABLE).item(score("frank", "chess", 2)));
        try (DynamoDbClient dynamo = SignedClients.dynamo(server, SignedClients.keys(frank.accessKeyId(), frank.secretAccessKey()))) {
            Eventually.await("frank's key works", PROPAGATION, () -> deniedOrAllowed(
                    () -> dynamo.getItem(request -> request.tableName(TABLE).key(key("frank", "chess")))));
            assertDenied(frankArn, "dynamodb:GetItem", table(), NO_IDENTITY_ALLOW,
                    () -> dynamo.getItem(request -> request.tableName(TABLE).key(key("frank", "chess"))));

            rootDynamo.putResourcePolicy(request -> request.resourceArn(table()).policy("""
                    {"Version": "2012-10-17", "Statement": [{
                      "Effect": "Allow", "Principal": {"AWS": "%s"},
                      "Action": "dynamodb:GetItem", "Resource": "%s"
                    }]}""".formatted(frankArn, table())));
            Eventually.await("the resource policy applies", PROPAGATION,
                    () -> allowed(() -> dynamo.getItem(request -> request.tableName(TABLE).key(key("frank", "chess")))));
            assertEquals("2", dynamo.getItem(request -> request.tableName(TABLE).key(key("frank", "chess"))).item().get("TopScore").n());
            assertDenied(frankArn, "dynamodb:PutItem", table(), NO_IDENTITY_ALLOW,
                    () -> dynamo.putItem(request -> request.tableName(TABLE).item(score("frank", "chess", 100))));
        } finally {
            rootDynamo.deleteResourcePolicy(request -> request.resourceArn(table()));
        }
    }

    @Test
    void aRoleSessionMayDoWhatItsRolesPolicyAllowsAndNothingElse() {
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/gina";
        AccessKey gina = userWithInlinePolicy("gina", """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::%s:role/score-reader"}
                ]}""".formatted(ACCOUNT));
        rootIam.createRole(request -> request.roleName("score-reader").assumeRolePolicyDocument("""
                {"Version": "2012-10-17", "Statement": [{
                  "Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole"
                }]}""".formatted(userArn)));
        rootIam.putRolePolicy(request -> request.roleName("score-reader").policyName("read").policyDocument("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/Scores"}
                ]}"""));
        rootDynamo.putItem(request -> request.tableName(TABLE).item(score("gina", "chess", 5)));

        Credentials session;
        try (StsClient sts = SignedClients.sts(server, SignedClients.keys(gina.accessKeyId(), gina.secretAccessKey()))) {
            Eventually.await("gina may assume the role", PROPAGATION, () -> allowed(() -> sts.assumeRole(
                    request -> request.roleArn("arn:aws:iam::" + ACCOUNT + ":role/score-reader").roleSessionName("probe"))));
            session = sts.assumeRole(request -> request.roleArn("arn:aws:iam::" + ACCOUNT + ":role/score-reader")
                    .roleSessionName("s1").durationSeconds(900)).credentials();
        }
        AwsCredentials sessionCredentials = AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken());
        try (DynamoDbClient asRole = SignedClients.dynamo(server, sessionCredentials)) {
            assertEquals("5", asRole.getItem(request -> request.tableName(TABLE).key(key("gina", "chess"))).item().get("TopScore").n());
            assertDenied("arn:aws:sts::" + ACCOUNT + ":assumed-role/score-reader/s1", "dynamodb:PutItem", table(), NO_IDENTITY_ALLOW,
                    () -> asRole.putItem(request -> request.tableName(TABLE).item(score("gina", "chess", 50))));
        }
        AwsCredentials withoutToken = SignedClients.keys(session.accessKeyId(), session.secretAccessKey());
        try (DynamoDbClient noToken = SignedClients.dynamo(server, withoutToken)) {
            DynamoDbException refused = assertThrows(DynamoDbException.class,
                    () -> noToken.getItem(request -> request.tableName(TABLE).key(key("gina", "chess"))));
            assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aUserWithoutIamPermissionsCannotGrantItselfAnything() {
        rootIam.createUser(request -> request.userName("ivan"));
        rootIam.createUser(request -> request.userName("judy"));
        AccessKey ivan = rootIam.createAccessKey(request -> request.userName("ivan")).accessKey();
        String ivanArn = "arn:aws:iam::" + ACCOUNT + ":user/ivan";
        try (IamClient asIvan = SignedClients.iam(server, SignedClients.keys(ivan.accessKeyId(), ivan.secretAccessKey()))) {
            Eventually.await("ivan's key works", PROPAGATION, () -> iamDenied(() -> asIvan.listUsers()));
            assertIamDenied(ivanArn, "iam:AttachUserPolicy", ivanArn, () -> asIvan.attachUserPolicy(request -> request.userName("ivan")
                    .policyArn("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess")));
            assertIamDenied(ivanArn, "iam:PutUserPolicy", ivanArn, () -> asIvan.putUserPolicy(request -> request.userName("ivan")
                    .policyName("all").policyDocument("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                            + "\"Action\": \"*\", \"Resource\": \"*\"}]}")));
            assertIamDenied(ivanArn, "iam:CreateAccessKey", "arn:aws:iam::" + ACCOUNT + ":user/judy",
                    () -> asIvan.createAccessKey(request -> request.userName("judy")));
            assertIamDenied(ivanArn, "iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/mallory",
                    () -> asIvan.createUser(request -> request.userName("mallory")));
        }
        assertTrue(rootIam.listAttachedUserPolicies(request -> request.userName("ivan")).attachedPolicies().isEmpty());
        assertTrue(rootIam.listUserPolicies(request -> request.userName("ivan")).policyNames().isEmpty());
        assertTrue(rootIam.listAccessKeys(request -> request.userName("judy")).accessKeyMetadata().isEmpty());
        assertFalse(rootIam.listUsers().users().stream().anyMatch(user -> user.userName().equals("mallory")));
    }

    @Test
    void onPostgresTwoNodesAgreeOnAPolicyChangeWithinASecond() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "two nodes share a database only on PostgreSQL");
        Path keyFile = Path.of("target", "fine-grained-shared-secret.key").toAbsolutePath();
        Files.deleteIfExists(keyFile);
        Map<String, String> environment = new HashMap<>(SignatureAuthenticationTest.ROOT_KEYS);
        environment.put("MODYN_IAM_SECRET_KEY_FILE", keyFile.toString());
        List<String> options = List.of("--auth", "iam", "--account-id", ACCOUNT);
        try (ModynServer nodeA = ModynServer.startWithEnvironment("fine-grained-a", options, environment);
             ModynServer nodeB = ModynServer.startSharingDatabase("fine-grained-b", nodeA, options, environment);
             IamClient iamA = SignedClients.iam(nodeA, SignedClients.root());
             DynamoDbClient rootA = SignedClients.dynamo(nodeA, SignedClients.root())) {
            createScoresTable(rootA);
            rootA.putItem(request -> request.tableName(TABLE).item(score("hank", "chess", 8)));
            iamA.createUser(request -> request.userName("hank"));
            AccessKey hank = iamA.createAccessKey(request -> request.userName("hank")).accessKey();
            try (DynamoDbClient onB = SignedClients.dynamo(nodeB, SignedClients.keys(hank.accessKeyId(), hank.secretAccessKey()))) {
                Executable read = () -> onB.getItem(request -> request.tableName(TABLE).key(key("hank", "chess")));
                Eventually.await("node B knows hank's key", PROPAGATION, () -> deniedOrAllowed(read));
                assertFalse(allowed(read), "no policy yet");

                iamA.putUserPolicy(request -> request.userName("hank").policyName("read").policyDocument("""
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"}
                        ]}"""));
                Eventually.await("node B applies the policy put on node A", PROPAGATION, () -> allowed(read));

                iamA.deleteUserPolicy(request -> request.userName("hank").policyName("read"));
                Eventually.await("node B applies the policy's removal on node A", PROPAGATION, () -> !allowed(read));
            }
        }
    }

    // ---- helpers

    static final String NO_IDENTITY_ALLOW = "because no identity-based policy allows the %s action";

    private static void createScoresTable(DynamoDbClient dynamo) {
        dynamo.createTable(request -> request.tableName(TABLE)
                .keySchema(k -> k.attributeName("UserId").keyType("HASH"), k -> k.attributeName("GameTitle").keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("UserId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GameTitle").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
    }

    private static AccessKey userWithInlinePolicy(String name, String policy) {
        rootIam.createUser(request -> request.userName(name));
        rootIam.putUserPolicy(request -> request.userName(name).policyName(name + "-policy").policyDocument(policy));
        return rootIam.createAccessKey(request -> request.userName(name)).accessKey();
    }

    private static software.amazon.awssdk.services.dynamodb.model.QueryResponse queryDan(DynamoDbClient dynamo, String projection) {
        return dynamo.query(request -> request.tableName(TABLE).keyConditionExpression("UserId = :u")
                .expressionAttributeValues(Map.of(":u", string("dan"))).projectionExpression(projection));
    }

    private static String table() {
        return "arn:aws:dynamodb:" + server.region() + ":" + ACCOUNT + ":table/" + TABLE;
    }

    /**
     * The call is refused with AccessDeniedException and AWS's message naming the caller, the action,
     * the resource and the reason ({@code %s} in the reason stands for the action).
     */
    private static void assertDenied(String principalArn, String action, String resource, String reason, Executable call) {
        DynamoDbException denied = assertThrows(DynamoDbException.class, call);
        assertEquals(400, denied.statusCode());
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals("User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource + " "
                + reason.formatted(action), denied.awsErrorDetails().errorMessage());
    }

    /** IAM's refusal: AccessDenied, 403, and AWS's message. */
    private static void assertIamDenied(String principalArn, String action, String resource, Executable call) {
        IamException denied = assertThrows(IamException.class, call);
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals("User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource + " "
                + NO_IDENTITY_ALLOW.formatted(action), denied.awsErrorDetails().errorMessage());
    }

    /** Whether an IAM call is denied (the caller is authenticated); an unknown key counts as "not yet". */
    private static boolean iamDenied(Executable call) {
        try {
            call.execute();
            return false;
        } catch (IamException e) {
            if ("AccessDenied".equals(e.awsErrorDetails().errorCode())) return true;
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the call succeeds; false when it is denied (any other error fails the test). */
    private static boolean allowed(Executable call) {
        try {
            call.execute();
            return true;
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            if ("AccessDeniedException".equals(e.awsErrorDetails().errorCode())) return false;
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the caller is authenticated (allowed or denied), false while its key is still unknown. */
    private static boolean deniedOrAllowed(Executable call) {
        try {
            allowed(call);
            return true;
        } catch (DynamoDbException e) {
            if ("UnrecognizedClientException".equals(e.awsErrorDetails().errorCode())) return false;
            throw e;
        }
    }

    private static Map<String, AttributeValue> key(String user, String game) {
        return Map.of("UserId", string(user), "GameTitle", string(game));
    }

    private static Map<String, AttributeValue> score(String user, String game, int topScore) {
        return Map.of("UserId", string(user), "GameTitle", string(game), "TopScore", number(topScore));
    }

    private static Map<String, AttributeValue> withSecret(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> withSecret = new HashMap<>(item);
        withSecret.put("Secret", string("only for the owner"));
        return withSecret;
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue number(int value) {
        return AttributeValue.builder().n(Integer.toString(value)).build();
    }
}
