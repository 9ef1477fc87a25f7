package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Scripts written for DynamoDB Local run unchanged: bin/modyn takes its flags (-cors, -sharedDb,
 * -delayTransientStatuses, -inMemory, -dbPath, -port), each with a one-line notice saying what
 * Modyn makes of it.
 */
class DynamoDbLocalFlagsTest {

    @Test
    void corsSharedDbAndDelayTransientStatusesAreTakenWithANotice() throws Exception {
        try (ModynServer server = ModynServer.startWithOptions("local-flags",
                List.of("-sharedDb", "-delayTransientStatuses", "-cors", "https://app.example"))) {
            String log = Files.readString(server.log());
            assertTrue(log.contains("modyn: -cors is a DynamoDB Local flag: taken as --cors-origins https://app.example"), log);
            assertTrue(log.contains("modyn: -sharedDb is a DynamoDB Local flag"), log);
            assertTrue(log.contains("modyn: -delayTransientStatuses is a DynamoDB Local flag: ignored"), log);

            HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
                    .header("Access-Control-Request-Method", "POST").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, preflight.statusCode(), preflight.body());
            assertEquals("https://app.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        }
    }

    @Test
    void inMemoryKeepsNothingForTheNextStart() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.FILE, "-inMemory replaces the file leg's backend, not PostgreSQL");
        try (ModynServer server = ModynServer.startWithOptions("local-in-memory", List.of("-inMemory"));
             DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            String table = TestTables.createHashTable(dynamo, "ephemeral", ScalarAttributeType.S);
            assertTrue(dynamo.listTables().tableNames().contains(table));
            assertTrue(Files.readString(server.log()).contains("modyn: -inMemory is a DynamoDB Local flag: taken as --in-memory"),
                    server.logTail());

            server.stop();
            server.restart();
            try (DynamoDbClient again = DynamoDbClients.create(server)) {
                assertTrue(again.listTables().tableNames().isEmpty(), "a later start begins empty");
            }
        }
    }

    @Test
    void inMemoryWithDbPathIsRefusedAsDynamoDbLocalRefusesIt() throws IOException, InterruptedException {
        try (ModynServer server = ModynServer.start("local-conflict")) {
            Process process = new ProcessBuilder(server.home().resolve("bin/modyn").toString(), "-inMemory", "-dbPath", "/tmp")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), output);
            assertTrue(output.contains("-inMemory and -dbPath cannot be given together"), output);
        }
    }
}
