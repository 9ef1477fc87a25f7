package io.modyn.auth.iam.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs DynamoDB requests with the AWS SDK for Java v2's own SigV4 signer, as any SDK client
 * would, and turns the result into the {@link TestRequest} the server would receive: an
 * independent implementation for the verifier to agree with.
 */
public final class SdkSigner {

    private final String accessKeyId;
    private final String secret;
    private final String region;
    private String service = "dynamodb";
    private Instant signingTime;
    private Duration presignedFor;
    private boolean payloadSigning = true;
    private String sessionToken;
    private URI endpoint = URI.create("http://127.0.0.1:8000/");

    public SdkSigner(String accessKeyId, String secret, String region, Instant signingTime) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
        this.signingTime = signingTime;
    }

    public SdkSigner service(String name) {
        this.service = name;
        return this;
    }

    /** Presigned (query-string) form, valid for this long. */
    public SdkSigner presigned(Duration validity) {
        this.presignedFor = validity;
        return this;
    }

    /** No payload hash: {@code X-Amz-Content-Sha256: UNSIGNED-PAYLOAD} (the SDK does this over HTTPS only). */
    public SdkSigner unsignedPayload() {
        this.payloadSigning = false;
        this.endpoint = URI.create("https://127.0.0.1:8443/");
        return this;
    }

    public SdkSigner sessionToken(String token) {
        this.sessionToken = token;
        return this;
    }

    /** A DynamoDB JSON 1.0 call, e.g. {@code sign("ListTables", "{}".getBytes(), Map.of())}. */
    public TestRequest sign(String operation, byte[] body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.0");
        headers.put("X-Amz-Target", "DynamoDB_20120810." + operation);
        headers.putAll(extraHeaders);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint);
        headers.forEach(unsigned::putHeader);
        unsigned.putHeader("Content-Length", String.valueOf(body.length));
        AwsCredentialsIdentity identity = sessionToken == null ? AwsCredentialsIdentity.create(accessKeyId, secret)
                : software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity.create(accessKeyId, secret, sessionToken);
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> {
            request.identity(identity)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC));
            if (presignedFor != null) {
                request.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
            }
        });
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        signed.request().forEachHeader((name, values) -> values.forEach(value -> sent.add(Map.entry(name, value))));
        if (signed.request().firstMatchingHeader("Host").isEmpty()) {
            sent.add(Map.entry("Host", endpoint.getAuthority()));
        }
        String query = signed.request().encodedQueryParameters().orElse("");
        return new TestRequest("POST", signed.request().encodedPath().isEmpty() ? "/" : signed.request().encodedPath(),
                query, sent, body);
    }
}
