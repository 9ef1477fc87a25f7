package io.modyn.itests.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The operator's admin endpoint of a running server (loopback only): lists bundles and stops,
 * starts or updates one, addressed by id or symbolic name. Asks for JSON answers, and sends the
 * token the server keeps in {@code <data dir>/admin-token}, as {@code bin/modyn-admin} does; signed
 * as the account root on a server started with {@code --auth iam} ({@link #signedAs}).
 */
public final class AdminClient {

    /** Where the distribution's conf/io.modyn.admin.cfg puts the token: tokenFile=${modyn.data.dir}/admin-token. */
    public static final String TOKEN_FILE_NAME = "admin-token";
    /** Where a signed request carries the token, the signature taking the Authorization header. */
    public static final String TOKEN_HEADER = "X-Modyn-Admin-Token";

    private final URI base;
    private final Path tokenFile;
    /** The keys and region requests are signed with, or null to send the token alone. */
    private final AwsCredentialsIdentity signer;
    private final String region;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminClient(URI base, Path dataDir) {
        this(base, dataDir.resolve(TOKEN_FILE_NAME), null, null);
    }

    private AdminClient(URI base, Path tokenFile, AwsCredentialsIdentity signer, String region) {
        this.base = base;
        this.tokenFile = tokenFile;
        this.signer = signer;
        this.region = region;
    }

    /**
     * This client signing every request (SigV4, service {@code modyn}) with these keys, as a server
     * started with {@code --auth iam} requires; the token then goes in {@code X-Modyn-Admin-Token}.
     */
    public AdminClient signedAs(String accessKeyId, String secret, String signingRegion) {
        return new AdminClient(base, tokenFile, AwsCredentialsIdentity.create(accessKeyId, secret), signingRegion);
    }

    /** The endpoint, {@code http://127.0.0.1:<admin port>}. */
    public URI base() {
        return base;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** The token the server wrote (it is created when the admin bundle activates). */
    public String token() {
        try {
            return Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the admin token " + tokenFile, e);
        }
    }

    public List<BundleInfo> bundles() {
        JsonObject answer = JsonDocuments.parseObject(send("GET", "/bundles"));
        return answer.getJsonArray("bundles").stream().map(JsonValue::asJsonObject).map(AdminClient::bundle).toList();
    }

    /** The bundle with this symbolic name, if one is installed. */
    public Optional<BundleInfo> bundle(String symbolicName) {
        return bundles().stream().filter(bundle -> symbolicName.equals(bundle.symbolicName())).findFirst();
    }

    public BundleInfo stop(String idOrSymbolicName) {
        return command(idOrSymbolicName, "stop");
    }

    public BundleInfo start(String idOrSymbolicName) {
        return command(idOrSymbolicName, "start");
    }

    public BundleInfo update(String idOrSymbolicName) {
        return command(idOrSymbolicName, "update");
    }

    private BundleInfo command(String idOrSymbolicName, String action) {
        return bundle(JsonDocuments.parseObject(send("POST", "/bundles/" + idOrSymbolicName + "/" + action)));
    }

    private String send(String method, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (signer == null) {
            builder.header("Accept", "application/json").header("Authorization", "Bearer " + token());
        } else {
            // Every header as signed (Accept among them), each once: a repeated header is signed as one joined value.
            signatureHeaders(method, path).forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Host")) values.forEach(value -> builder.header(name, value));
            });
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Admin " + method + " " + path + " answered HTTP "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Admin " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token header and the signature's headers for this request, as the AWS SDK's signer makes them. */
    private Map<String, List<String>> signatureHeaders(String method, String path) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(base.resolve(path))
                .putHeader("Accept", "application/json")
                .putHeader(TOKEN_HEADER, token())
                .build();
        return AwsV4HttpSigner.create().sign(request -> request.identity(signer).request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "modyn")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request().headers();
    }

    private static BundleInfo bundle(JsonObject json) {
        return new BundleInfo(json.getJsonNumber("id").longValue(), json.getString("symbolicName", null),
                json.getString("version", null), json.getString("state", null));
    }
}
