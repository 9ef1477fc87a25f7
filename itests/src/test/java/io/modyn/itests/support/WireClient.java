package io.modyn.itests.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Raw HTTP access to the DynamoDB endpoint, below any SDK: for what the SDKs never send
 * (malformed JSON, unknown targets, missing signatures) and for checking headers and bytes.
 */
public final class WireClient {

    public static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final URI endpoint;
    private final String region;
    private final HttpClient http;

    public WireClient(ModynServer server) {
        this.endpoint = server.endpoint();
        this.region = server.region();
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (server.clientTls() != null) client.sslContext(server.clientTls());
        this.http = client.build();
    }

    /** A signed POST of a DynamoDB operation, e.g. {@code post("ListTables")}. */
    public WireRequest post(String operation) {
        return new WireRequest(http, endpoint, region, "POST").target(TARGET_PREFIX + operation);
    }

    /** Any request; nothing is set but the method. */
    public WireRequest request(String method) {
        return new WireRequest(http, endpoint, region, method);
    }
}
