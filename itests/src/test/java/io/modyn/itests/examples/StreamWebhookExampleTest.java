package io.modyn.itests.examples;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The stream-webhook example (examples/stream-webhook) used as its README says: its configuration
 * goes into {@code conf/}, its jar into {@code deploy/} of a running server, and a receiver on
 * loopback gets each change of the table as a JSON POST; a receiver that keeps failing sends the
 * change to the dead-letter file; removing the jar from {@code deploy/} uninstalls it. No client
 * request fails on the way.
 */
class StreamWebhookExampleTest {

    private static final String SYMBOLIC_NAME = "io.modyn.examples.webhook";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PK = "pk";

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static HttpServer receiver;
    private static final List<JsonObject> received = new CopyOnWriteArrayList<>();
    /** The status the receiver answers with. */
    private static final AtomicInteger status = new AtomicInteger(200);

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            if (answer == 200) received.add(Json.createReader(new StringReader(body)).readObject());
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        server = ModynServer.start("webhook-example");
        dynamo = DynamoDbClients.create(server);
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
        if (receiver != null) receiver.stop(0);
    }

    @Test
    void changesReachTheWebhookFailuresTheDeadLetterFileAndRemovalLeavesNothing() throws IOException {
        String table = TestTables.uniqueName("webhook");
        dynamo.createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition -> definition.attributeName(PK).attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName(PK).keyType(KeyType.HASH))
                .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        TestTables.awaitActive(dynamo, table);
        Path deadLetters = server.home().resolve("webhook-dead-letters.jsonl");
        configure(table, deadLetters);
        deploy();
        awaitListening(table);

        dynamo.putItem(put -> put.tableName(table).item(Map.of(PK, s("order-1"), "amount", n(10))));
        dynamo.updateItem(update -> update.tableName(table).key(Map.of(PK, s("order-1")))
                .updateExpression("SET amount = :t").expressionAttributeValues(Map.of(":t", n(12))));
        dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of(PK, s("order-1"))));
        Eventually.await("the webhook receives the three changes", TIMEOUT, () -> changesOf("order-1").size() >= 3);
        List<JsonObject> changes = changesOf("order-1");
        assertAll(
                () -> assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), changes.stream().map(c -> c.getString("eventName")).toList()),
                () -> assertEquals(table, changes.get(0).getString("tableName")),
                () -> assertEquals("10", changes.get(0).getJsonObject("dynamodb").getJsonObject("NewImage").getJsonObject("amount").getString("N")),
                () -> assertEquals("10", changes.get(1).getJsonObject("dynamodb").getJsonObject("OldImage").getJsonObject("amount").getString("N")),
                () -> assertEquals("12", changes.get(1).getJsonObject("dynamodb").getJsonObject("NewImage").getJsonObject("amount").getString("N")));

        status.set(500);
        dynamo.putItem(put -> put.tableName(table).item(Map.of(PK, s("order-2"))));
        Eventually.await("the undeliverable change reaches the dead-letter file", TIMEOUT,
                () -> Files.exists(deadLetters) && readString(deadLetters).contains("\"order-2\""));
        JsonObject letter = Json.createReader(new StringReader(readString(deadLetters).lines().findFirst().orElseThrow())).readObject();
        assertAll(
                () -> assertEquals(2, letter.getInt("attempts")),
                () -> assertEquals("HTTP status 500", letter.getString("problem")),
                () -> assertEquals("INSERT", letter.getJsonObject("change").getString("eventName")));
        status.set(200);

        Files.delete(server.home().resolve("deploy").resolve(SYMBOLIC_NAME + ".jar"));
        Eventually.await("the bundle is uninstalled", TIMEOUT, () -> server.admin().bundle(SYMBOLIC_NAME).isEmpty());
        int before = received.size();
        dynamo.putItem(put -> put.tableName(table).item(Map.of(PK, s("order-3"))));
        assertEquals("order-3", dynamo.getItem(get -> get.tableName(table).key(Map.of(PK, s("order-3")))).item().get(PK).s());
        pause(Duration.ofSeconds(3));
        assertTrue(changesOf("order-3").isEmpty() && received.size() == before, "nothing is forwarded once the bundle is gone");
    }

    /** The example's configuration, as an operator writes it: conf/io.modyn.examples.webhook.cfg. */
    private static void configure(String table, Path deadLetters) throws IOException {
        String settings = String.join("\n",
                "url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "modyn.table=" + table,
                "deadLetterFile=" + deadLetters,
                "maxAttempts=2",
                "firstRetryMillis=50", "");
        Path staging = server.home().resolve("webhook.cfg.staging");
        Files.writeString(staging, settings);
        Files.move(staging, server.home().resolve("conf").resolve("io.modyn.examples.webhook.cfg"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deploy() throws IOException {
        Path jar = Path.of(System.getProperty("modyn.examples")).resolve("stream-webhook/target")
                .resolve("modyn-example-stream-webhook-" + System.getProperty("modyn.version") + ".jar");
        Path staging = server.home().resolve("webhook.jar.staging");
        Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, server.home().resolve("deploy").resolve(SYMBOLIC_NAME + ".jar"), StandardCopyOption.ATOMIC_MOVE);
        Eventually.await("bundle " + SYMBOLIC_NAME + " ACTIVE", TIMEOUT,
                () -> server.admin().bundle(SYMBOLIC_NAME).filter(bundle -> bundle.isActive()).isPresent());
    }

    /** A listener hears what is written from shortly after it is first seen: write until one warm-up item arrives. */
    private static void awaitListening(String table) {
        for (int attempt = 0; received.stream().noneMatch(change -> keyOf(change).startsWith("warm-up-")); attempt++) {
            if (attempt > TIMEOUT.toMillis() / 500) throw new AssertionError("the webhook heard no warm-up item\n" + server.logTail());
            String key = "warm-up-" + attempt;
            dynamo.putItem(put -> put.tableName(table).item(Map.of(PK, s(key))));
            pause(Duration.ofMillis(500));
        }
    }

    private static List<JsonObject> changesOf(String key) {
        return received.stream().filter(change -> keyOf(change).equals(key)).toList();
    }

    private static String keyOf(JsonObject change) {
        return change.getJsonObject("dynamodb").getJsonObject("Keys").getJsonObject(PK).getString("S");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
