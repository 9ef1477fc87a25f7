package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.FreePorts;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.PrometheusText;
import io.modyn.itests.support.TestCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code bin/modyn --auth iam --metrics-signed}: a scrape must carry a Signature Version 4 (service
 * {@code modyn}) by the account root; an unsigned one, or one signed with a wrong secret, gets
 * nothing.
 */
class SignedMetricsTest {

    private static ModynServer server;
    private static int metricsPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startServer() {
        metricsPort = FreePorts.allocate(1)[0];
        server = ModynServer.startWithEnvironment("metrics-signed",
                List.of("--auth", "iam", "--metrics-port", Integer.toString(metricsPort), "--metrics-signed"),
                SignatureAuthenticationTest.ROOT_KEYS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void aScrapeSignedByTheRootIsServed() throws Exception {
        HttpResponse<String> response = scrape(AwsCredentialsIdentity.create(TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY));

        assertEquals(200, response.statusCode(), response.body());
        PrometheusText metrics = PrometheusText.parse(response.body());
        assertEquals("counter", metrics.type("dynamodb_UserErrors_total"));
    }

    @Test
    void anUnsignedScrapeIsRefused() throws Exception {
        HttpResponse<String> response = scrape(null);

        assertEquals(403, response.statusCode(), response.body());
        assertFalse(response.body().contains("dynamodb_"), response.body());
        assertTrue(response.body().contains("Signature Version 4"), response.body());
    }

    @Test
    void aScrapeSignedWithAWrongSecretIsRefused() throws Exception {
        HttpResponse<String> response = scrape(AwsCredentialsIdentity.create(TestCredentials.ACCESS_KEY_ID, "not-the-secret"));

        assertEquals(403, response.statusCode(), response.body());
        assertFalse(response.body().contains("dynamodb_"), response.body());
    }

    private static HttpResponse<String> scrape(AwsCredentialsIdentity signer) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (signer != null) {
            SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
            AwsV4HttpSigner.create().sign(sign -> sign.identity(signer).request(unsigned)
                            .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "modyn")
                            .putProperty(AwsV4HttpSigner.REGION_NAME, server.region()))
                    .request().headers().forEach((name, values) -> {
                        if (!name.equalsIgnoreCase("Host")) values.forEach(value -> request.header(name, value));
                    });
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
