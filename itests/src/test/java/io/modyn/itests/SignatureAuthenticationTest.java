package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.JsonDocuments;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestCredentials;
import io.modyn.itests.support.TestTables;
import io.modyn.itests.support.WireClient;
import io.modyn.itests.support.WireResponse;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A server started with {@code --auth iam} serves only requests signed with the account root's
 * keys, and refuses the others as DynamoDB does: wrong secret, unknown key, no signature, an
 * expired signature. The root keys come from the environment ({@link TestCredentials} here, so the
 * suite's own clients are signed with them) or, without them, are generated into
 * {@code <data-dir>/root-credentials}.
 */
class SignatureAuthenticationTest {

    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    static final Map<String, String> ROOT_KEYS = Map.of("MODYN_ROOT_ACCESS_KEY_ID", TestCredentials.ACCESS_KEY_ID,
            "MODYN_ROOT_SECRET_ACCESS_KEY", TestCredentials.SECRET_ACCESS_KEY);
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static ModynServer server;
    private static DynamoDbClient root;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServerWithAuthentication() {
        // Bound to every address: with authentication on, other hosts may be served without --open-access.
        server = ModynServer.startWithEnvironment("auth-iam", List.of("--auth", "iam", "--bind", "0.0.0.0"), ROOT_KEYS);
        root = DynamoDbClients.create(server);
    }

    @AfterAll
    static void stopServer() {
        if (root != null) root.close();
        if (server != null) server.close();
    }

    @Test
    void sdkWithTheRootKeysCreatesPutsAndGets() {
        String table = TestTables.createHashTable(root, "auth", ScalarAttributeType.S);
        root.putItem(put -> put.tableName(table).item(Map.of(TestTables.PK, s("k1"), "v", s("signed"))));
        Map<String, AttributeValue> item = root.getItem(get -> get.tableName(table).key(Map.of(TestTables.PK, s("k1")))).item();
        assertEquals("signed", item.get("v").s());
    }

    @Test
    void sdkWithAWrongSecretGetsInvalidSignature() {
        DynamoDbException error = refusedListTables(TestCredentials.ACCESS_KEY_ID, "not-the-secret");
        assertEquals("InvalidSignatureException", error.awsErrorDetails().errorCode());
        assertEquals(MISMATCH, error.awsErrorDetails().errorMessage());
        assertEquals(400, error.statusCode());
    }

    @Test
    void sdkWithAnUnknownAccessKeyGetsUnrecognizedClient() {
        DynamoDbException error = refusedListTables("AKIAUNKNOWNKEY000000", TestCredentials.SECRET_ACCESS_KEY);
        assertEquals("UnrecognizedClientException", error.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", error.awsErrorDetails().errorMessage());
    }

    @Test
    void unsignedRequestGetsMissingAuthenticationToken() {
        WireResponse response = new WireClient(server).post("ListTables").body("{}").unsigned().send();
        assertEquals(400, response.status(), response.toString());
        assertEquals("com.amazon.coral.service#MissingAuthenticationTokenException", response.errorType());
        assertEquals("Request is missing Authentication Token", response.errorMessage());
    }

    @Test
    void requestSignedTwentyMinutesAgoHasExpired() throws Exception {
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(20));
        HttpResponse<String> response = send(sign(server.endpoint(), "ListTables", "{}", signedAt, null));
        JsonObject error = JsonDocuments.parseObject(response.body());
        assertEquals(400, response.statusCode());
        assertEquals("com.amazon.coral.service#InvalidSignatureException", error.getString("__type"));
        Matcher message = Pattern.compile("Signature expired: (\\d{8}T\\d{6}Z) is now earlier than (\\d{8}T\\d{6}Z) "
                + "\\((\\d{8}T\\d{6}Z) - 15 min\\.\\)").matcher(error.getString("message"));
        assertTrue(message.matches(), error.getString("message"));
        assertEquals(AMZ_DATE.format(signedAt), message.group(1));
        Instant now = Instant.from(AMZ_DATE.parse(message.group(3)));
        assertEquals(AMZ_DATE.format(now.minus(Duration.ofMinutes(15))), message.group(2));
    }

    @Test
    void presignedRequestIsServed() throws Exception {
        HttpResponse<String> response = send(sign(server.endpoint(), "ListTables", "{}", Instant.now(), Duration.ofMinutes(5)));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(JsonDocuments.parseObject(response.body()).containsKey("TableNames"), response.body());

        HttpRequest presigned = sign(server.endpoint(), "ListTables", "{}", Instant.now(), Duration.ofMinutes(5));
        HttpResponse<String> tampered = send(HttpRequest.newBuilder(URI.create(presigned.uri() + "&Extra=1"))
                .headers(headersOf(presigned)).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(400, tampered.statusCode(), tampered.body());
        assertEquals(MISMATCH, JsonDocuments.parseObject(tampered.body()).getString("message"));
    }

    @Test
    void gzipBodySignedAsSentIsServed() {
        String table = TestTables.createHashTable(root, "auth-gzip", ScalarAttributeType.S);
        WireResponse put = new WireClient(server).post("PutItem")
                .body("{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"zipped\"},\"v\":{\"S\":\"compressed\"}}}")
                .gzipBody().send();
        assertEquals(200, put.status(), put.toString());
        Map<String, AttributeValue> item = root.getItem(get -> get.tableName(table).key(Map.of(TestTables.PK, s("zipped")))).item();
        assertEquals("compressed", item.get("v").s());
    }

    @Test
    void awsCliWithTheRootKeysListsTablesAndWithWrongKeysFails() {
        AwsCli aws = awsCli(server, "cli");
        assertTrue(aws.run("dynamodb", "list-tables").containsKey("TableNames"));
        AssertionError wrongSecret = assertThrows(AssertionError.class,
                () -> aws.withEnvironment("AWS_SECRET_ACCESS_KEY", "wrong").run("dynamodb", "list-tables"));
        assertTrue(wrongSecret.getMessage().contains("InvalidSignatureException"), wrongSecret.getMessage());
        AssertionError unknownKey = assertThrows(AssertionError.class,
                () -> aws.withEnvironment("AWS_ACCESS_KEY_ID", "AKIAUNKNOWNKEY000000").run("dynamodb", "list-tables"));
        assertTrue(unknownKey.getMessage().contains("UnrecognizedClientException"), unknownKey.getMessage());
    }

    @Test
    void healthLineStaysUnauthenticated() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void clientOnANonLoopbackAddressIsServedWhenSigned() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        URI endpoint = URI.create("http://" + address.get().getHostAddress() + ":" + server.port());
        try (DynamoDbClient remote = DynamoDbClients.builder(server).endpointOverride(endpoint).build()) {
            assertTrue(remote.listTables().tableNames() != null);
        }
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals("com.amazon.coral.service#MissingAuthenticationTokenException",
                JsonDocuments.parseObject(unsigned.body()).getString("__type"), "authenticated, not refused by address");
    }

    @Test
    void withoutRootKeysInTheEnvironmentTheServerGeneratesThemIntoItsDataDirectory() throws Exception {
        try (ModynServer generated = ModynServer.startWithEnvironment("auth-generated", List.of("--auth", "iam"), Map.of())) {
            Path file = generated.dataDir().resolve("root-credentials");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            Map<String, String> keys = profile(file);
            String accessKeyId = keys.get("aws_access_key_id");
            String secret = keys.get("aws_secret_access_key");
            assertTrue(accessKeyId.matches("AKIA[A-Z0-9]{16}"), accessKeyId);
            assertEquals(40, secret.length());

            String log = Files.readString(generated.log(), StandardCharsets.UTF_8);
            assertTrue(log.contains(file.toString()), "the log names the file");
            assertFalse(log.contains(secret), "the log never holds the secret");

            try (DynamoDbClient client = DynamoDbClients.builder(generated)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret))).build()) {
                assertTrue(client.listTables().tableNames() != null);
            }
            DynamoDbException testKeys = assertThrows(DynamoDbException.class,
                    () -> DynamoDbClients.withoutRetries(generated).listTables());
            assertEquals("UnrecognizedClientException", testKeys.awsErrorDetails().errorCode());

            AwsCli aws = awsCli(generated, "cli-generated").withEnvironment("AWS_ACCESS_KEY_ID", null)
                    .withEnvironment("AWS_SECRET_ACCESS_KEY", null).withEnvironment("AWS_SHARED_CREDENTIALS_FILE", file.toString());
            assertTrue(aws.run("dynamodb", "list-tables").containsKey("TableNames"));
        }
    }

    @Test
    void launcherRefusesAnUnknownModeABadAccountAndHalfAKeyPair() throws Exception {
        Process process = new ProcessBuilder(server.home().resolve("bin/modyn").toString(), "--auth", "ldap").start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(stderr.contains("--auth must be none or iam, not 'ldap'"), stderr);
        Process badAccount = new ProcessBuilder(server.home().resolve("bin/modyn").toString(), "--account-id", "12345").start();
        String accountError = new String(badAccount.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(badAccount.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, badAccount.exitValue());
        assertTrue(accountError.contains("--account-id must be twelve digits, not '12345'"), accountError);
        ProcessBuilder halfKeyPair = new ProcessBuilder(server.home().resolve("bin/modyn").toString(), "--auth", "iam");
        halfKeyPair.environment().keySet().removeIf(variable -> variable.startsWith("MODYN_"));
        halfKeyPair.environment().put("MODYN_ROOT_ACCESS_KEY_ID", "AKIAONLYTHEID0000000");
        Process half = halfKeyPair.start();
        String halfError = new String(half.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(half.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, half.exitValue(), "half a key pair never starts a server without authentication");
        assertTrue(halfError.contains("MODYN_ROOT_ACCESS_KEY_ID is set but MODYN_ROOT_SECRET_ACCESS_KEY is not"), halfError);
    }

    private static DynamoDbException refusedListTables(String accessKeyId, String secret) {
        try (DynamoDbClient client = DynamoDbClients.builder(server)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(
                        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build()) {
            return assertThrows(DynamoDbException.class, client::listTables);
        }
    }

    /** A DynamoDB call signed by the SDK's signer with the root keys at {@code signedAt}; presigned if {@code validity} is given. */
    private static HttpRequest sign(URI endpoint, String operation, String body, Instant signedAt, Duration validity) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", WireClient.TARGET_PREFIX + operation).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> {
            request.identity(AwsCredentialsIdentity.create(TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY))
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, server.region())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
            if (validity != null) {
                request.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, validity);
            }
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.request().getUri()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.request().forEachHeader((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase())) values.forEach(value -> request.header(name, value));
        });
        return request.build();
    }

    private static String[] headersOf(HttpRequest request) {
        return request.headers().map().entrySet().stream()
                .flatMap(header -> header.getValue().stream().flatMap(value -> java.util.stream.Stream.of(header.getKey(), value)))
                .toArray(String[]::new);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static AwsCli awsCli(ModynServer target, String folder) {
        return AwsCli.required(target, folder);
    }

    /** The {@code [default]} profile of an AWS credentials file. */
    private static Map<String, String> profile(Path file) throws IOException {
        Map<String, String> values = new java.util.HashMap<>();
        boolean inDefault = false;
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) inDefault = trimmed.equals("[default]");
            else if (inDefault && trimmed.contains("=")) {
                values.put(trimmed.substring(0, trimmed.indexOf('=')).trim(), trimmed.substring(trimmed.indexOf('=') + 1).trim());
            }
        }
        return values;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) continue;
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
