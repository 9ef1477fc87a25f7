package io.modyn.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One raw request, built fluently. By default it carries the JSON 1.0 content type and a SigV4
 * signature made by the SDK's own signer with the test credentials, so it stays valid once the
 * server verifies signatures; {@link #unsigned()} leaves the signature out.
 */
public final class WireRequest {

    /** Headers java.net.http sets itself and refuses to take from callers. */
    private static final List<String> RESTRICTED = List.of("host", "content-length", "connection");

    private final HttpClient http;
    private final URI endpoint;
    private final String region;
    private final String method;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String path = "/";
    private byte[] body = new byte[0];
    private boolean signed = true;
    private AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(TestCredentials.ACCESS_KEY_ID, TestCredentials.SECRET_ACCESS_KEY);
    private Clock signingClock = Clock.systemUTC();

    WireRequest(HttpClient http, URI endpoint, String region, String method) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
        this.method = method;
        headers.put("Content-Type", "application/x-amz-json-1.0");
    }

    public WireRequest target(String target) {
        return header("X-Amz-Target", target);
    }

    public WireRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public WireRequest withoutHeader(String name) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        return this;
    }

    public WireRequest path(String path) {
        this.path = path;
        return this;
    }

    public WireRequest body(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A body of arbitrary bytes, such as malformed UTF-8 that no String can carry. */
    public WireRequest body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** Compresses the body as it is now and says so in {@code Content-Encoding}. */
    public WireRequest gzipBody() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body = compressed.toByteArray();
        return header("Content-Encoding", "gzip");
    }

    /** Compresses the body as it is now in the zlib format HTTP calls "deflate", and says so. */
    public WireRequest deflateBody() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body = compressed.toByteArray();
        return header("Content-Encoding", "deflate");
    }

    /** Signs with these credentials (with a session token, it is sent as X-Amz-Security-Token) instead of the test root's. */
    public WireRequest signedBy(AwsCredentialsIdentity credentials) {
        identity = credentials;
        return this;
    }

    /** Signs as of this instant (X-Amz-Date), e.g. for a server whose clock is elsewhere. */
    public WireRequest signedAt(Instant instant) {
        signingClock = Clock.fixed(instant, ZoneOffset.UTC);
        return this;
    }

    public WireRequest unsigned() {
        signed = false;
        return this;
    }

    public WireResponse send() {
        Map<String, String> sent = signed ? sign() : headers;
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 && !method.equals("POST")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        sent.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) request.header(name, value);
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new WireResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + endpoint.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> sign() {
        SdkHttpRequest.Builder unsignedRequest = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint.resolve(path));
        headers.forEach(unsignedRequest::putHeader);
        SignedRequest signedRequest = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(identity)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock)
                .request(unsignedRequest.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        signedRequest.request().forEachHeader((name, values) -> signedHeaders.put(name, String.join(",", values)));
        return signedHeaders;
    }
}
