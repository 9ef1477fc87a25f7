package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestCredentials;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS on the DynamoDB endpoint of a server started with {@code --auth iam}: the AWS SDK's
 * {@link StsClient} and {@code aws sts get-caller-identity} learn that they are the account root,
 * wrong keys get STS's own XML errors, unknown actions {@code InvalidAction}; a server without
 * authentication serves no STS and answers a form POST as before.
 */
class StsTest {

    static final String ACCOUNT = "123456789012";
    static final String ROOT_ARN = "arn:aws:iam::" + ACCOUNT + ":root";
    static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static ModynServer server;

    @BeforeAll
    static void startServerWithAuthentication() {
        server = ModynServer.startWithEnvironment("sts", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void sdkGetCallerIdentityNamesTheAccountRoot() {
        try (StsClient sts = sts(TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY)) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals(ACCOUNT, identity.account());
            assertEquals(ROOT_ARN, identity.arn());
            assertEquals(ACCOUNT, identity.userId());
            assertTrue(identity.responseMetadata().requestId().matches("[0-9A-Z]{52}"), identity.responseMetadata().requestId());
        }
    }

    @Test
    void sdkWithAWrongSecretGetsSignatureDoesNotMatch() {
        StsException error = refused(TestCredentials.ACCESS_KEY_ID, "not-the-secret");
        assertEquals(403, error.statusCode());
        assertEquals("SignatureDoesNotMatch", error.awsErrorDetails().errorCode());
        assertEquals(SignatureAuthenticationTest.MISMATCH, error.awsErrorDetails().errorMessage());
    }

    @Test
    void sdkWithAnUnknownAccessKeyGetsInvalidClientTokenId() {
        StsException error = refused("AKIAUNKNOWNKEY000000", TestCredentials.SECRET_ACCESS_KEY);
        assertEquals(403, error.statusCode());
        assertEquals("InvalidClientTokenId", error.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", error.awsErrorDetails().errorMessage());
    }

    @Test
    void awsCliGetCallerIdentityNamesTheRootAndWithAWrongSecretFails() {
        AwsCli aws = awsCli();
        JsonObject identity = aws.run("sts", "get-caller-identity");
        assertEquals(ACCOUNT, identity.getString("Account"));
        assertEquals(ROOT_ARN, identity.getString("Arn"));
        assertEquals(ACCOUNT, identity.getString("UserId"));
        AssertionError wrongSecret = assertThrows(AssertionError.class,
                () -> aws.withEnvironment("AWS_SECRET_ACCESS_KEY", "wrong").run("sts", "get-caller-identity"));
        assertTrue(wrongSecret.getMessage().contains("SignatureDoesNotMatch"), wrongSecret.getMessage());
    }

    @Test
    void anUnknownActionIsInvalidActionInStsXml() throws Exception {
        HttpResponse<String> response = HTTP.send(signedForm(server.endpoint(), "Action=AssumeEverything&Version=2011-06-15"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("text/xml", response.headers().firstValue("Content-Type").orElseThrow());
        Element document = xml(response.body());
        assertEquals("ErrorResponse", document.getLocalName());
        assertEquals(STS_NAMESPACE, document.getNamespaceURI());
        assertEquals("Sender", text(document, "Type"));
        assertEquals("InvalidAction", text(document, "Code"));
        assertEquals("Could not find operation AssumeEverything for version 2011-06-15", text(document, "Message"));
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), text(document, "RequestId"));
    }

    @Test
    void withoutAuthenticationAFormPostIsAnsweredAsBefore() throws Exception {
        try (ModynServer open = ModynServer.start("sts-open")) {
            HttpResponse<String> response = HTTP.send(signedForm(open.endpoint(), "Action=GetCallerIdentity&Version=2011-06-15"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode(), response.body());
            assertEquals("<UnknownOperationException/>\n", response.body());
        }
    }

    private static StsClient sts(String accessKeyId, String secret) {
        return StsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .build();
    }

    private static StsException refused(String accessKeyId, String secret) {
        try (StsClient sts = sts(accessKeyId, secret)) {
            return assertThrows(StsException.class, sts::getCallerIdentity);
        }
    }

    /** A form POST signed by the SDK's signer with the root keys for service sts. */
    private static HttpRequest signedForm(URI endpoint, String body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", FORM).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                .identity(AwsCredentialsIdentity.create(TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY))
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, server.region()));
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.request().getUri()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.request().forEachHeader((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase())) values.forEach(value -> request.header(name, value));
        });
        return request.build();
    }

    private static AwsCli awsCli() {
        return AwsCli.required(server, "sts")
                .withEnvironment("AWS_ACCESS_KEY_ID", TestCredentials.ACCESS_KEY_ID)
                .withEnvironment("AWS_SECRET_ACCESS_KEY", TestCredentials.SECRET_ACCESS_KEY);
    }

    private static Element xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static String text(Element document, String name) {
        return document.getElementsByTagNameNS(STS_NAMESPACE, name).item(0).getTextContent();
    }
}
