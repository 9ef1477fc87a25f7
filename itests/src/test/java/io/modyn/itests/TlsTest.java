package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestCertificates;
import io.modyn.itests.support.TestCredentials;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * HTTPS on the DynamoDB endpoint ({@code --tls-cert}/{@code --tls-key}): the AWS SDK and the AWS CLI
 * trusting a private CA, TLS 1.2 and 1.3 only, HTTP/2 for clients that offer it, no plain HTTP on
 * the port, a renewed certificate served without a restart (after a moment where key and
 * certificate on disk do not match), and client certificates required with {@code --tls-client-ca}.
 */
class TlsTest {

    private static TestCertificates certificates;
    private static ModynServer server;

    @BeforeAll
    static void startServerWithTls() {
        certificates = TestCertificates.create(Path.of("target", "tls-" + ProcessHandle.current().pid()).toAbsolutePath());
        server = ModynServer.startWithTls("tls", certificates.serverOptions(), certificates.trustingCa());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void theSdkWritesAndReadsOverHttps() {
        assertEquals("https", server.endpoint().getScheme());
        String table = TestTables.uniqueName("tls");
        try (DynamoDbClient dynamo = sdk(server, false)) {
            dynamo.createTable(request -> request.tableName(table)
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            dynamo.putItem(request -> request.tableName(table).item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromS("over tls"))));
            assertEquals("over tls", dynamo.getItem(request -> request.tableName(table).key(Map.of("id", AttributeValue.fromS("a"))))
                    .item().get("v").s());
        }
    }

    @Test
    void plainHttpIsNotServedOnTheTlsPort() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> plain.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void tls12AndTls13AreBothServed() throws IOException {
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            try (SSLSocket socket = handshake(certificates.trustingCa(), protocol)) {
                assertEquals(protocol, socket.getSession().getProtocol());
            }
        }
    }

    @Test
    void http2IsNegotiatedForClientsThatOfferIt() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(certificates.trustingCa())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health = http2.send(HttpRequest.newBuilder(server.endpoint().resolve("/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, health.version());
    }

    @Test
    void theAwsCliTrustsThePrivateCaThroughAwsCaBundle() {
        AwsCli aws = AwsCli.required(server, "tls").withEnvironment("AWS_CA_BUNDLE", certificates.caCertificate().toString());
        assertTrue(aws.run("dynamodb", "list-tables").containsKey("TableNames"));
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws IOException {
        BigInteger before = presentedSerial();
        assertEquals(certificates.serverSerial(), before);
        certificates.renewServerCertificate();
        BigInteger renewed = certificates.serverSerial();
        assertNotEquals(before, renewed);
        Eventually.await("the renewed certificate is presented", Duration.ofSeconds(15), () -> renewed.equals(presentedSerial()));
        try (DynamoDbClient dynamo = sdk(server, false)) {
            dynamo.listTables();
        }
        assertTrue(server.isRunning());
    }

    @Test
    void withAClientCaEveryClientMustPresentACertificateItIssued() throws IOException {
        List<String> options = new ArrayList<>(certificates.serverOptions());
        options.addAll(List.of("--tls-client-ca", certificates.caCertificate().toString()));
        try (ModynServer mutual = ModynServer.startWithTls("tls-client-ca", options, certificates.withClientCertificate())) {
            try (DynamoDbClient withCertificate = sdk(mutual, true)) {
                withCertificate.listTables();
            }
            try (DynamoDbClient withoutCertificate = sdk(mutual, false)) {
                assertThrows(SdkClientException.class, withoutCertificate::listTables);
            }
        }
    }

    /** The SDK's client over HTTPS, trusting the test CA and, if asked, presenting the client certificate. */
    private static DynamoDbClient sdk(ModynServer target, boolean clientCertificate) {
        return DynamoDbClient.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .credentialsProvider(TestCredentials.provider())
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .tlsTrustManagersProvider(certificates::trustManagers)
                        .tlsKeyManagersProvider(() -> clientCertificate ? certificates.clientKeyManagers() : null))
                .build();
    }

    private static BigInteger presentedSerial() {
        try (SSLSocket socket = handshake(certificates.trustingCa(), "TLSv1.3")) {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLSocket handshake(SSLContext context, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return socket;
    }
}
