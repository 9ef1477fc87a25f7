package io.modyn.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few DynamoDB calls the launcher makes itself, in the JSON wire format over the JDK's HTTP
 * client so that the launcher does not need the AWS SDK: "does it serve data requests yet" and
 * "delete every table". In open mode (the default, on loopback) the server accepts any well-formed
 * Authorization header without checking its signature, so the launcher sends one with a dummy
 * signature instead of signing; with {@code --auth iam} these calls are refused.
 * Table names are {@code [a-zA-Z0-9_.-]} only, so pattern matching reads the answers safely.
 */
final class TableSweeper {

    private static final Pattern TABLE_NAMES = Pattern.compile("\"TableNames\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern LAST_TABLE = Pattern.compile("\"LastEvaluatedTableName\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration DELETION_WAIT = Duration.ofSeconds(30);

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Supplier<URI> endpoint;
    private final String region;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TableSweeper(Supplier<URI> endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    /** True once the server answers a data request (503 means its storage is not bound yet). */
    boolean serving() {
        try {
            int status = call("ListTables", "{}").statusCode();
            return status != 503;
        } catch (IOException e) {
            return false;
        }
    }

    void deleteAll() {
        try {
            for (String table : tables()) {
                String name = "{\"TableName\":\"" + table + "\"}";
                HttpResponse<String> deleted = call("DeleteTable", name);
                if (deleted.statusCode() != 200 && deleted.body().contains("eletion protection")) {
                    call("UpdateTable", "{\"TableName\":\"" + table + "\",\"DeletionProtectionEnabled\":false}");
                    deleted = call("DeleteTable", name);
                }
                if (deleted.statusCode() != 200 && !deleted.body().contains("ResourceNotFoundException")) {
                    throw new IllegalStateException("DeleteTable " + table + " answered " + deleted.statusCode() + ": " + deleted.body());
                }
            }
            // DeleteTable answers while the table is DELETING: wait until it is gone, so the test
            // that follows may create a table of the same name.
            Instant deadline = Instant.now().plus(DELETION_WAIT);
            while (!tables().isEmpty()) {
                if (Instant.now().isAfter(deadline)) throw new IllegalStateException("tables still listed after deletion: " + tables());
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete the tables of Modyn at " + endpoint.get(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted deleting tables", e);
        }
    }

    private List<String> tables() throws IOException, InterruptedException {
        List<String> tables = new ArrayList<>();
        String start = null;
        do {
            HttpResponse<String> page = call("ListTables", start == null ? "{}" : "{\"ExclusiveStartTableName\":\"" + start + "\"}");
            if (page.statusCode() != 200) throw new IllegalStateException("ListTables answered " + page.statusCode() + ": " + page.body());
            Matcher names = TABLE_NAMES.matcher(page.body());
            if (names.find()) {
                Matcher quoted = QUOTED.matcher(names.group(1));
                while (quoted.find()) tables.add(quoted.group(1));
            }
            Matcher last = LAST_TABLE.matcher(page.body());
            start = last.find() ? last.group(1) : null;
        } while (start != null);
        return tables;
    }

    private HttpResponse<String> call(String operation, String body) throws IOException {
        String date = AMZ_DATE.format(Instant.now());
        HttpRequest request = HttpRequest.newBuilder(endpoint.get().resolve("/"))
                .header("X-Amz-Date", date)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=modyn/" + date.substring(0, 8) + "/" + region
                        + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
