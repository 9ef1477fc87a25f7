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
import java.util.Optional;

/**
 * The operator's admin endpoint of a running server (loopback only): lists bundles and stops,
 * starts or updates one, addressed by id or symbolic name. Asks for JSON answers, and sends the
 * token the server keeps in {@code <data dir>/admin-token}, as {@code bin/modyn-admin} does.
 */
public final class AdminClient {

    /** Where the distribution's conf/io.modyn.admin.cfg puts the token: tokenFile=${modyn.data.dir}/admin-token. */
    public static final String TOKEN_FILE_NAME = "admin-token";

    private final URI base;
    private final Path tokenFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminClient(URI base, Path dataDir) {
        this.base = base;
        this.tokenFile = dataDir.resolve(TOKEN_FILE_NAME);
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
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
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

    private static BundleInfo bundle(JsonObject json) {
        return new BundleInfo(json.getJsonNumber("id").longValue(), json.getString("symbolicName", null),
                json.getString("version", null), json.getString("state", null));
    }
}
