package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AdminClient;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The admin endpoint of a server started with {@code --auth iam}: the token alone no longer
 * admits, every request must also be signed by the account root. {@code bin/modyn-admin} signs
 * with the root's keys (from the environment or a root-credentials file) and lists, stops and
 * starts bundles; an unsigned curl with the right token, a wrong secret and an IAM user's
 * signature are refused, and the refused commands change nothing.
 */
class AdminSignatureTest {

    static final String ACCOUNT = "123456789012";
    static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/operator-bob";
    private static final String STORAGE_BUNDLE = StorageBackend.current().bundle();

    private static ModynServer server;
    private static AdminClient admin;

    @BeforeAll
    static void startServerWithAuthentication() {
        server = ModynServer.startWithEnvironment("admin-iam", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
        admin = server.admin();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void modynAdminListsStopsAndStartsWithTheRootKeysFromTheEnvironment() throws Exception {
        Result listed = modynAdmin(SignatureAuthenticationTest.ROOT_KEYS, "list");
        assertEquals(0, listed.exitCode(), listed.toString());
        assertTrue(listed.stdout().contains("io.modyn.admin") && listed.stdout().contains(STORAGE_BUNDLE), listed.toString());

        Result stopped = modynAdmin(SignatureAuthenticationTest.ROOT_KEYS, "--json", "stop", STORAGE_BUNDLE);
        assertEquals(0, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.stdout().contains("\"state\":\"RESOLVED\""), stopped.toString());
        Result started = modynAdmin(SignatureAuthenticationTest.ROOT_KEYS, "--json", "start", STORAGE_BUNDLE);
        assertEquals(0, started.exitCode(), started.toString());
        assertTrue(started.stdout().contains("\"state\":\"ACTIVE\""), started.toString());
        try (DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            Eventually.await("storage serves again", Duration.ofSeconds(30), () -> {
                try {
                    dynamo.listTables();
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void modynAdminReadsTheRootKeysFromTheRootCredentialsFile() throws Exception {
        Path dataDir = Files.createTempDirectory(server.dataDir(), "operator");
        ownerOnly(Files.writeString(dataDir.resolve("admin-token"), admin.token() + "\n"));
        ownerOnly(Files.writeString(dataDir.resolve("root-credentials"), "[default]\naws_access_key_id = "
                + TestCredentials.ACCESS_KEY_ID + "\naws_secret_access_key = " + TestCredentials.SECRET_ACCESS_KEY + "\n"));
        Result result = modynAdmin(Map.of(), "--data-dir", dataDir.toString(), "--auth", "iam", "show", STORAGE_BUNDLE);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains(STORAGE_BUNDLE), result.toString());
    }

    @Test
    void modynAdminWithoutSigningIsRefused() throws Exception {
        Result result = modynAdmin(SignatureAuthenticationTest.ROOT_KEYS, "--auth", "none", "stop", STORAGE_BUNDLE);
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("Signature Version 4"), result.toString());
        assertStorageActive();
    }

    @Test
    void unsignedCurlWithTheRightTokenIsRefused() throws Exception {
        Process curl = new ProcessBuilder("curl", "--silent", "--max-time", "30", "-H", "@-", "-X", "POST",
                "--write-out", "\n%{http_code}", admin.base() + "/bundles/" + STORAGE_BUNDLE + "/stop").start();
        curl.getOutputStream().write(("Authorization: Bearer " + admin.token() + "\n").getBytes(StandardCharsets.US_ASCII));
        curl.getOutputStream().close();
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.endsWith("\n403"), output);
        assertTrue(output.contains("Signature Version 4"), output);
        assertStorageActive();
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        Map<String, String> wrong = Map.of("MODYN_ROOT_ACCESS_KEY_ID", TestCredentials.ACCESS_KEY_ID,
                "MODYN_ROOT_SECRET_ACCESS_KEY", TestCredentials.SECRET_ACCESS_KEY + "x");
        Result result = modynAdmin(wrong, "stop", STORAGE_BUNDLE);
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("InvalidSignatureException"), result.toString());
        assertStorageActive();
    }

    @Test
    void anIamUsersSignatureIsRefused() throws Exception {
        AccessKey key;
        try (IamClient iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.of(server.region()))
                .credentialsProvider(TestCredentials.provider())
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .build()) {
            assertEquals(USER_ARN, iam.createUser(request -> request.userName("operator-bob")).user().arn());
            key = iam.createAccessKey(request -> request.userName("operator-bob")).accessKey();
        }
        Map<String, String> user = Map.of("MODYN_ROOT_ACCESS_KEY_ID", key.accessKeyId(),
                "MODYN_ROOT_SECRET_ACCESS_KEY", key.secretAccessKey());
        // The key itself is good: DynamoDB serves it (within the identity cache's second).
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
                        key.secretAccessKey())))
                .build()) {
            Eventually.await("the user's key works", Duration.ofSeconds(5), () -> {
                try {
                    dynamo.listTables();
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
        for (String[] command : List.of(new String[] {"list"}, new String[] {"stop", STORAGE_BUNDLE})) {
            Result result = modynAdmin(user, command);
            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains(USER_ARN + " is not authorized to perform: modyn:"), result.toString());
        }
        assertStorageActive();
    }

    @Test
    void theSdkSignedAdminClientOfTheTestsIsServed() {
        assertTrue(admin.bundle(STORAGE_BUNDLE).orElseThrow().isActive());
        assertTrue(admin.bundles().size() > 10, "lists every bundle");
    }

    @Test
    void theSecretNeverShowsInTheServerLog() throws IOException {
        assertFalse(Files.readString(server.log()).contains(TestCredentials.SECRET_ACCESS_KEY), "secret in the server log");
        assertFalse(Files.readString(server.log()).contains(admin.token()), "token in the server log");
    }

    private static void assertStorageActive() throws Exception {
        Result shown = modynAdmin(SignatureAuthenticationTest.ROOT_KEYS, "--json", "show", STORAGE_BUNDLE);
        assertEquals(0, shown.exitCode(), shown.toString());
        assertTrue(shown.stdout().contains("\"state\":\"ACTIVE\""), "still ACTIVE: " + shown);
    }

    private static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** bin/modyn-admin as an operator runs it: the port and data directory given, these variables in its environment. */
    private static Result modynAdmin(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(server.home().resolve("bin").resolve("modyn-admin").toString());
        command.addAll(List.of("--port", String.valueOf(admin.base().getPort())));
        if (!List.of(arguments).contains("--data-dir")) {
            command.addAll(List.of("--data-dir", server.dataDir().toString()));
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("MODYN_"));
        builder.environment().putAll(new HashMap<>(environment));
        Path stdout = Files.createTempFile("modyn-admin", ".out");
        Path stderr = Files.createTempFile("modyn-admin", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/modyn-admin did not finish");
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
