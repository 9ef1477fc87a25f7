package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.JsonDocuments;
import io.modyn.itests.support.ModynServer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

/**
 * Key policies (GetKeyPolicy, PutKeyPolicy, ListKeyPolicies, the default policy, malformed and
 * lockout policies), ScheduleKeyDeletion through the CLI, the AWS managed key
 * {@code alias/aws/dynamodb}, paged lists, and the root key from {@code MODYN_KMS_ROOT_KEY}; through
 * the AWS SDK's {@code KmsClient} and the AWS CLI, on the storage leg in use. The server runs without
 * authentication, so the caller is the account root.
 */
class KmsKeyPoliciesTest {

    private static final String ROOT = "arn:aws:iam::000000000000:root";
    private static final String ROOT_ADMIN_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"root admin\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"" + ROOT + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    private static final String ALICE_ONLY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/alice\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";

    private static ModynServer server;
    private static KmsClient kms;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("kms-policies");
        kms = KmsApiTest.client(server);
    }

    @AfterAll
    static void stopServer() {
        if (kms != null) kms.close();
        if (server != null) server.close();
    }

    @Test
    void aNewKeyHasKmsDefaultPolicyAndPutKeyPolicyReplacesItThroughSdkAndCli() {
        String keyId = kms.createKey(r -> r.description("policies")).keyMetadata().keyId();

        JsonObject policy = JsonDocuments.parseObject(kms.getKeyPolicy(r -> r.keyId(keyId).policyName("default")).policy());
        JsonObject statement = policy.getJsonArray("Statement").getJsonObject(0);
        assertEquals("Enable IAM User Permissions", statement.getString("Sid"));
        assertEquals(ROOT, statement.getJsonObject("Principal").getString("AWS"));
        assertEquals("kms:*", statement.getString("Action"));
        assertEquals(List.of("default"), kms.listKeyPolicies(r -> r.keyId(keyId)).policyNames());

        kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(ROOT_ADMIN_POLICY));
        assertEquals(ROOT_ADMIN_POLICY, kms.getKeyPolicy(r -> r.keyId(keyId)).policy());

        AwsCli aws = cli("policies");
        String fromCli = ROOT_ADMIN_POLICY.replace("root admin", "set by the cli");
        aws.run("kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy", fromCli);
        JsonObject got = aws.run("kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default");
        assertEquals(fromCli, got.getString("Policy"));
        assertEquals(fromCli, kms.getKeyPolicy(r -> r.keyId(keyId)).policy());
    }

    @Test
    void malformedAndLockingOutPoliciesAreRefusedUnlessTheCheckIsBypassed() {
        String keyId = kms.createKey(r -> r.description("lockout")).keyMetadata().keyId();

        MalformedPolicyDocumentException notJson = assertThrows(MalformedPolicyDocumentException.class,
                () -> kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy("{\"Statement\":")));
        assertEquals(400, notJson.statusCode());
        MalformedPolicyDocumentException lockout = assertThrows(MalformedPolicyDocumentException.class,
                () -> kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(ALICE_ONLY_POLICY)));
        assertEquals("The new key policy will not allow you to update the key policy in the future.", lockout.awsErrorDetails().errorMessage());
        assertThrows(MalformedPolicyDocumentException.class, () -> kms.createKey(r -> r.policy(ALICE_ONLY_POLICY)));

        kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy(ALICE_ONLY_POLICY).bypassPolicyLockoutSafetyCheck(true));
        assertEquals(ALICE_ONLY_POLICY, kms.getKeyPolicy(r -> r.keyId(keyId)).policy());
        KeyMetadata withPolicy = kms.createKey(r -> r.policy(ROOT_ADMIN_POLICY)).keyMetadata();
        assertEquals(ROOT_ADMIN_POLICY, kms.getKeyPolicy(r -> r.keyId(withPolicy.arn())).policy());
    }

    @Test
    void scheduleKeyDeletionThroughTheCliLeavesTheKeyPendingDeletion() {
        String keyId = kms.createKey(r -> r.description("to delete")).keyMetadata().keyId();

        JsonObject scheduled = cli("deletion").run("kms", "schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "7");

        assertEquals("PendingDeletion", scheduled.getString("KeyState"));
        assertEquals(7, scheduled.getInt("PendingWindowInDays"));
        assertTrue(scheduled.getString("KeyId").endsWith(keyId));
        KeyMetadata metadata = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        assertEquals(KeyState.PENDING_DELETION, metadata.keyState());
        assertNotNull(metadata.deletionDate());
        assertThrows(KmsInvalidStateException.class, () -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))));
    }

    @Test
    void theAwsManagedDynamoDbKeyExistsOnFirstUseAndRefusesToBeDisabledOrDeleted() {
        KeyMetadata managed = kms.describeKey(r -> r.keyId("alias/aws/dynamodb")).keyMetadata();

        assertEquals("AWS", managed.keyManagerAsString());
        assertEquals(KeyState.ENABLED, managed.keyState());
        assertEquals(managed, kms.describeKey(r -> r.keyId(managed.keyId())).keyMetadata(), "created once");
        Optional<AliasListEntry> alias = kms.listAliasesPaginator(r -> r.limit(1)).aliases().stream()
                .filter(a -> a.aliasName().equals("alias/aws/dynamodb")).findFirst();
        assertEquals(managed.keyId(), alias.orElseThrow().targetKeyId());
        assertTrue(kms.getKeyRotationStatus(r -> r.keyId(managed.keyId())).keyRotationEnabled());

        for (Runnable refused : List.<Runnable>of(() -> kms.disableKey(r -> r.keyId(managed.keyId())),
                () -> kms.scheduleKeyDeletion(r -> r.keyId(managed.arn())))) {
            KmsException e = assertThrows(KmsException.class, refused::run);
            assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().startsWith("User: " + ROOT + " is not authorized to perform: kms:"),
                    e.awsErrorDetails().errorMessage());
        }
        assertEquals(KeyState.ENABLED, kms.describeKey(r -> r.keyId("alias/aws/dynamodb")).keyMetadata().keyState());
    }

    @Test
    void listsPageWithLimitAndMarkerThroughSdkPaginatorsAndTheCli() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(kms.createKey(r -> r.description("paged")).keyMetadata().keyId());
        }
        var firstPage = kms.listKeys(r -> r.limit(2));
        assertEquals(2, firstPage.keys().size());
        assertTrue(firstPage.truncated());
        assertNotNull(firstPage.nextMarker());

        List<String> paged = kms.listKeysPaginator(r -> r.limit(2)).keys().stream().map(KeyListEntry::keyId).toList();
        assertEquals(paged.size(), new HashSet<>(paged).size(), "no key twice");
        assertTrue(paged.containsAll(created));

        JsonObject fromCli = cli("paging").run("kms", "list-keys", "--page-size", "1");
        assertEquals(paged.size(), fromCli.getJsonArray("Keys").size(), "the CLI follows NextMarker to the end");

        KmsException badLimit = assertThrows(KmsException.class, () -> kms.listKeys(r -> r.limit(1001)));
        assertEquals("ValidationException", badLimit.awsErrorDetails().errorCode());
    }

    @Test
    void theRootKeyCanComeFromMODYN_KMS_ROOT_KEYAndNeverAppearsInTheLog() throws Exception {
        byte[] rootKey = new byte[32];
        new SecureRandom().nextBytes(rootKey);
        String value = Base64.getEncoder().encodeToString(rootKey);
        byte[] secret = "from the environment".getBytes(StandardCharsets.UTF_8);
        try (ModynServer node = ModynServer.startWithEnvironment("kms-env-key", List.of(), Map.of("MODYN_KMS_ROOT_KEY", value));
             KmsClient client = KmsApiTest.client(node)) {
            String keyId = client.createKey(r -> r.description("env root key")).keyMetadata().keyId();
            SdkBytes blob = client.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(secret))).ciphertextBlob();
            assertArrayEquals(secret, client.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asByteArray());

            Path generated = node.dataDir().getParent().resolve("secrets/kms-root.key");
            assertFalse(Files.exists(generated), "no key file generated when the environment holds the key");
            String log = Files.readString(node.log());
            assertTrue(log.contains("environment variable MODYN_KMS_ROOT_KEY"), node.logTail());
            assertFalse(log.contains(value), "the key never appears in the log");
        }
    }

    private static AwsCli cli(String name) {
        Optional<Path> executable = AwsCli.findOnPath();
        Assumptions.assumeTrue(executable.isPresent(), "the AWS CLI is not installed");
        return AwsCli.of(executable.get(), server, server.home().resolve("aws-cli-" + name));
    }
}
