package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestCredentials;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/**
 * The AWS KMS API on the server's endpoint, through the AWS SDK's {@code KmsClient} and the AWS
 * CLI: customer keys, aliases, encryption with a bound encryption context, data keys, the key life
 * cycle and rotation, with KMS's errors; key material never in clear in the data directory or the
 * database; keys usable after a restart; a replaced root key refused. On a server without
 * authentication (loopback, the account root as the caller) and on one with {@code --auth iam}.
 */
class KmsApiTest {

    private static final Map<String, String> CONTEXT = Map.of("table", "orders", "purpose", "itest");
    private static final byte[] SECRET = "kms itest plaintext 7f3a".getBytes(StandardCharsets.UTF_8);

    private static ModynServer server;
    private static KmsClient kms;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("kms");
        kms = client(server);
    }

    @AfterAll
    static void stopServer() {
        if (kms != null) kms.close();
        if (server != null) server.close();
    }

    /** A client of the server, once its KMS handler is registered (it starts after storage, so after DynamoDB serves). */
    static KmsClient client(ModynServer target) {
        KmsClient client = KmsClient.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .credentialsProvider(TestCredentials.provider())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .build();
        awaitKmsServing(client);
        return client;
    }

    /** Waits until KMS requests reach the KMS handler (any answer but the 404 of an unclaimed target). */
    static void awaitKmsServing(KmsClient client) {
        Eventually.await("the KMS handler is registered", Duration.ofSeconds(30), () -> {
            try {
                client.listKeys();
                return true;
            } catch (KmsException e) {
                return e.statusCode() != 404;
            }
        });
    }

    @Test
    void createKeyReportsMetadataAsAwsDoes() {
        CreateKeyResponse created = kms.createKey(r -> r.description("orders key").tags(t -> t.tagKey("team").tagValue("a")));
        KeyMetadata m = created.keyMetadata();

        assertTrue(m.keyId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), m.keyId());
        assertEquals("arn:aws:kms:" + server.region() + ":000000000000:key/" + m.keyId(), m.arn());
        assertEquals("000000000000", m.awsAccountId());
        assertEquals("orders key", m.description());
        assertEquals(KeyState.ENABLED, m.keyState());
        assertTrue(m.enabled());
        assertEquals("CUSTOMER", m.keyManagerAsString());
        assertEquals("AWS_KMS", m.originAsString());
        assertEquals("SYMMETRIC_DEFAULT", m.keySpecAsString());
        assertEquals("ENCRYPT_DECRYPT", m.keyUsageAsString());
        assertEquals(List.of("SYMMETRIC_DEFAULT"), m.encryptionAlgorithmsAsStrings());
        assertFalse(m.multiRegion());
        assertNotNull(m.creationDate());

        assertEquals(m, kms.describeKey(r -> r.keyId(m.arn())).keyMetadata());
        assertTrue(kms.listKeys().keys().stream().anyMatch(k -> k.keyId().equals(m.keyId()) && k.keyArn().equals(m.arn())));
        assertEquals("a", kms.listResourceTags(r -> r.keyId(m.keyId())).tags().get(0).tagValue());
    }

    @Test
    void encryptAndDecryptRoundTripWithContextAndAWrongContextIsInvalidCiphertext() {
        String keyId = newKey();
        EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET)).encryptionContext(CONTEXT));

        DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT));

        assertArrayEquals(SECRET, decrypted.plaintext().asByteArray());
        assertEquals(encrypted.keyId(), decrypted.keyId());
        assertThrows(InvalidCiphertextException.class,
                () -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(Map.of("table", "other"))));
        assertThrows(InvalidCiphertextException.class, () -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())));
        byte[] tampered = encrypted.ciphertextBlob().asByteArray();
        tampered[tampered.length - 3] ^= 1;
        assertThrows(InvalidCiphertextException.class,
                () -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(tampered)).encryptionContext(CONTEXT)));
        String other = newKey();
        assertThrows(IncorrectKeyException.class,
                () -> kms.decrypt(r -> r.keyId(other).ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)));
    }

    @Test
    void aliasesNameKeysForEveryOperation() {
        String keyId = newKey();
        String alias = "alias/itest-" + keyId.substring(0, 8);
        kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));

        assertEquals(keyId, kms.describeKey(r -> r.keyId(alias)).keyMetadata().keyId());
        EncryptResponse encrypted = kms.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromByteArray(SECRET)));
        assertArrayEquals(SECRET, kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())).plaintext().asByteArray());
        assertTrue(kms.listAliases().aliases().stream().anyMatch(a -> a.aliasName().equals(alias) && a.targetKeyId().equals(keyId)
                && a.aliasArn().equals("arn:aws:kms:" + server.region() + ":000000000000:" + alias)));
        AlreadyExistsException exists = assertThrows(AlreadyExistsException.class, () -> kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId)));
        assertEquals("An alias with the name arn:aws:kms:" + server.region() + ":000000000000:" + alias + " already exists",
                exists.awsErrorDetails().errorMessage());

        kms.deleteAlias(r -> r.aliasName(alias));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> kms.describeKey(r -> r.keyId(alias)));
        assertEquals("Alias arn:aws:kms:" + server.region() + ":000000000000:" + alias + " is not found.", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void unknownKeyIsNotFoundWithAwsMessage() {
        String id = "11111111-2222-3333-4444-555555555555";
        NotFoundException error = assertThrows(NotFoundException.class, () -> kms.describeKey(r -> r.keyId(id)));
        assertEquals("Key 'arn:aws:kms:" + server.region() + ":000000000000:key/" + id + "' does not exist", error.awsErrorDetails().errorMessage());
        assertEquals(400, error.statusCode());
    }

    @Test
    void generateDataKeyGivesAKeyThatDecryptsBackAndIsNeverStoredInClear() throws Exception {
        String keyId = newKey();
        GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(CONTEXT));
        byte[] plaintext = dataKey.plaintext().asByteArray();

        assertEquals(32, plaintext.length);
        assertArrayEquals(plaintext, kms.decrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext().asByteArray());
        assertEquals(16, kms.generateDataKey(r -> r.keyId(keyId).numberOfBytes(16)).plaintext().asByteArray().length);
        assertNotNull(kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_128)).ciphertextBlob());
        assertEquals(64, kms.generateRandom(r -> r.numberOfBytes(64)).plaintext().asByteArray().length);

        assertNoStoredCopyOf(plaintext);
    }

    @Test
    void aDisabledKeyRefusesUntilEnabled() {
        String keyId = newKey();
        EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET)));
        kms.disableKey(r -> r.keyId(keyId));

        DisabledException disabled = assertThrows(DisabledException.class, () -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET))));
        assertEquals(encrypted.keyId() + " is disabled.", disabled.awsErrorDetails().errorMessage());
        assertThrows(DisabledException.class, () -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())));
        assertEquals(KeyState.DISABLED, kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState());

        kms.enableKey(r -> r.keyId(keyId));
        assertArrayEquals(SECRET, kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())).plaintext().asByteArray());
    }

    @Test
    void rotationKeepsOlderCiphertextsReadable() {
        String keyId = newKey();
        EncryptResponse before = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET)).encryptionContext(CONTEXT));

        kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(180));
        var status = kms.getKeyRotationStatus(r -> r.keyId(keyId));
        assertTrue(status.keyRotationEnabled());
        assertEquals(180, status.rotationPeriodInDays());
        kms.rotateKeyOnDemand(r -> r.keyId(keyId));
        EncryptResponse after = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET)).encryptionContext(CONTEXT));

        assertEquals(RotationType.ON_DEMAND, kms.listKeyRotations(r -> r.keyId(keyId)).rotations().get(0).rotationType());
        assertArrayEquals(SECRET, kms.decrypt(r -> r.ciphertextBlob(before.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext().asByteArray());
        assertArrayEquals(SECRET, kms.decrypt(r -> r.ciphertextBlob(after.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext().asByteArray());
        KmsException period = assertThrows(KmsException.class, () -> kms.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(30)));
        assertEquals("ValidationException", period.awsErrorDetails().errorCode());
        kms.disableKeyRotation(r -> r.keyId(keyId));
        assertFalse(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled());
    }

    @Test
    void scheduledDeletionRefusesUseAndCancelLeavesTheKeyDisabled() {
        String keyId = newKey();
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
        assertEquals(KeyState.PENDING_DELETION, scheduled.keyState());
        assertEquals(7, scheduled.pendingWindowInDays());
        assertNotNull(scheduled.deletionDate());

        KmsInvalidStateException pending = assertThrows(KmsInvalidStateException.class,
                () -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET))));
        assertEquals(scheduled.keyId() + " is pending deletion.", pending.awsErrorDetails().errorMessage());
        KmsException window = assertThrows(KmsException.class, () -> kms.scheduleKeyDeletion(r -> r.keyId(newKey()).pendingWindowInDays(6)));
        assertEquals("ValidationException", window.awsErrorDetails().errorCode());

        kms.cancelKeyDeletion(r -> r.keyId(keyId));
        assertEquals(KeyState.DISABLED, kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState());
        kms.enableKey(r -> r.keyId(keyId));
        assertNotNull(kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET))).ciphertextBlob());
    }

    @Test
    void awsCliCreatesAKeyAndEncryptsAndDecryptsWithAContext() throws IOException {
        Optional<Path> executable = AwsCli.findOnPath();
        Assumptions.assumeTrue(executable.isPresent(), "the AWS CLI is not installed");
        Path home = server.home().resolve("aws-cli-kms");
        AwsCli aws = AwsCli.of(executable.get(), server, home);
        Path plaintextFile = Files.createDirectories(home).resolve("plaintext.txt");
        Files.write(plaintextFile, SECRET);

        String keyId = aws.run("kms", "create-key", "--description", "from the CLI").getJsonObject("KeyMetadata").getString("KeyId");
        JsonObject encrypted = aws.run("kms", "encrypt", "--key-id", keyId, "--plaintext", "fileb://" + plaintextFile,
                "--encryption-context", "table=orders,purpose=cli");
        Path blob = home.resolve("blob.bin");
        Files.write(blob, Base64.getDecoder().decode(encrypted.getString("CiphertextBlob")));
        JsonObject decrypted = aws.run("kms", "decrypt", "--ciphertext-blob", "fileb://" + blob, "--encryption-context", "table=orders,purpose=cli");

        assertArrayEquals(SECRET, Base64.getDecoder().decode(decrypted.getString("Plaintext")));
        assertEquals(encrypted.getString("KeyId"), decrypted.getString("KeyId"));
        AssertionError wrongContext = assertThrows(AssertionError.class,
                () -> aws.run("kms", "decrypt", "--ciphertext-blob", "fileb://" + blob, "--encryption-context", "table=orders"));
        assertTrue(wrongContext.getMessage().contains("InvalidCiphertextException"), wrongContext.getMessage());
    }

    @Test
    void theRootKeyFileIsOwnerOnlyAndOutsideTheDataDirectory() throws IOException {
        Path file = server.dataDir().getParent().resolve("secrets/kms-root.key");
        assertTrue(Files.isRegularFile(file), "generated at the first start: " + file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertFalse(file.startsWith(server.dataDir()));
        String key = Files.readString(file).trim();
        assertFalse(Files.readString(server.log()).contains(key), "the log never holds the key");
        assertTrue(Files.readString(server.log()).contains(file.toString()), "the log names the file");
    }

    @Test
    void keysSurviveARestartAndAReplacedRootKeyIsRefusedWithoutChangingAnything() throws IOException {
        try (ModynServer node = ModynServer.start("kms-restart"); KmsClient client = client(node)) {
            String keyId = client.createKey(r -> r.description("survives")).keyMetadata().keyId();
            SdkBytes blob = client.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET)).encryptionContext(CONTEXT)).ciphertextBlob();
            Path rootKey = node.dataDir().getParent().resolve("secrets/kms-root.key");
            String original = Files.readString(rootKey);

            node.stop();
            Files.writeString(rootKey, Base64.getEncoder().encodeToString(new byte[32]) + "\n");
            assertEquals(78, node.restartExpectingExit(Duration.ofSeconds(90)), "EX_CONFIG: the server refuses to run. " + node.logTail());
            assertTrue(Files.readString(node.log()).contains("Key management refused to start: The KMS root key"), node.logTail());
            assertTrue(Files.readString(node.log()).contains("is not the key that wrapped the KMS keys"), node.logTail());

            node.stop();
            Files.writeString(rootKey, original);
            node.restart();
            awaitKmsServing(client);
            assertArrayEquals(SECRET, client.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(CONTEXT)).plaintext().asByteArray());
            assertEquals("survives", client.describeKey(r -> r.keyId(keyId)).keyMetadata().description());
        }
    }

    @Test
    void withAuthenticationSignedRequestsAreServedAndUnsignedOnesRefusedInKmsForm() throws Exception {
        Map<String, String> rootKeys = Map.of("MODYN_ROOT_ACCESS_KEY_ID", TestCredentials.ACCESS_KEY_ID,
                "MODYN_ROOT_SECRET_ACCESS_KEY", TestCredentials.SECRET_ACCESS_KEY);
        try (ModynServer node = ModynServer.startWithEnvironment("kms-iam", List.of("--auth", "iam"), rootKeys); KmsClient client = client(node)) {
            String keyId = client.createKey(r -> r.description("signed")).keyMetadata().keyId();
            EncryptResponse encrypted = client.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET)).encryptionContext(CONTEXT));
            assertArrayEquals(SECRET, client.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext().asByteArray());

            HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.endpoint() + "/"))
                    .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "TrentService.ListKeys")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, unsigned.statusCode());
            assertEquals("application/x-amz-json-1.1", unsigned.headers().firstValue("Content-Type").orElse(""));
            assertTrue(unsigned.body().contains("\"__type\":\"MissingAuthenticationTokenException\""), unsigned.body());
        }
    }

    @Test
    void aNamedRootKeyFileIsUsedAndNoneIsGenerated() throws Exception {
        Path keyFile = Files.createDirectories(Path.of("target", "kms-root-keys").toAbsolutePath())
                .resolve("named-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".key");
        byte[] rootKey = new byte[32];
        new java.security.SecureRandom().nextBytes(rootKey);
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(rootKey) + "\n");
        try (ModynServer node = ModynServer.startWithOptions("kms-named-key", List.of("--kms-root-key-file", keyFile.toString()));
             KmsClient client = client(node)) {
            String keyId = client.createKey(r -> r.description("named root key")).keyMetadata().keyId();
            SdkBytes blob = client.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(SECRET))).ciphertextBlob();

            assertArrayEquals(SECRET, client.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asByteArray());
            assertFalse(Files.exists(node.dataDir().getParent().resolve("secrets/kms-root.key")), "nothing generated beside the data");
            assertTrue(Files.readString(node.log()).contains(keyFile.toString()), "the log names the file in use");
        } finally {
            Files.deleteIfExists(keyFile);
        }
    }

    @Test
    void aMissingNamedRootKeyFileStopsBinModynBeforeStarting() throws Exception {
        Path missing = server.home().resolve("no-such-dir/kms-root.key");
        Process process = new ProcessBuilder(server.home().resolve("bin/modyn").toString(), "--kms-root-key-file", missing.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("--kms-root-key-file " + missing + " is not a readable file"), output);
    }

    private static String newKey() {
        return kms.createKey(r -> r.description("itest")).keyMetadata().keyId();
    }

    /** Neither the data directory's files nor (on PostgreSQL) the server's tables hold these bytes. */
    private static void assertNoStoredCopyOf(byte[] secret) throws Exception {
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), secret)) holding.add(file);
            }
        }
        assertEquals(List.of(), holding, "files holding a data key in clear");
        if (StorageBackend.current() == StorageBackend.POSTGRES) {
            assertEquals(List.of(), postgresTablesHolding(secret), "tables holding a data key in clear");
        }
    }

    private static List<String> postgresTablesHolding(byte[] secret) throws Exception {
        List<String> holding = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(System.getenv(StorageBackend.POSTGRES_URL));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    + "WHERE table_schema LIKE 'it\\_kms\\_%' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            assertFalse(tables.isEmpty(), "the server's schema has tables");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] value = rs.getBytes(c);
                            if (value != null && contains(value, secret)) holding.add(table);
                        }
                    }
                }
            }
        }
        return holding;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
