package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.TestTables.PK;
import static io.modyn.itests.support.TestTables.definition;
import static io.modyn.itests.support.TestTables.key;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ListenerProbeBundle;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The stream listener extension point exercised the way a third party uses it: a bundle holding a
 * {@code StreamListener} service ({@link ListenerProbeBundle}) is dropped into the server's
 * {@code deploy/} folder and records what it hears to a file. It hears each change of the tables
 * named by its {@code modyn.table} property exactly once, in commit order, and nothing of other
 * tables. Listeners are fed from the tables' streams: a table whose stream is off is heard by
 * no listener, even one that names it.
 *
 * <p>A listener hears the changes written from the time the engine first saw it, which happens on
 * the engine's delivery thread shortly after the bundle is ACTIVE; the test therefore writes
 * warm-up items until one is heard before it makes the changes it asserts on.
 */
class StreamListenerBundleTest {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final String OTHER_SYMBOLIC_NAME = ListenerProbeBundle.SYMBOLIC_NAME + ".other";
    private static final String WARM_UP = "warm-up-";

    private static ModynServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("stream-listener");
        dynamo = DynamoDbClients.create(server);
    }

    @AfterAll
    static void stopServer() {
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void aDeployedListenerHearsEachChangeOfItsTablesOnceInOrderAndNothingElse() {
        String watched = createTable("listener-watched", true);
        String other = createTable("listener-other", true);
        String unstreamed = createTable("listener-unstreamed", false);
        Path watchedLog = server.home().resolve("probe-watched.log");
        Path otherLog = server.home().resolve("probe-other.log");
        deploy(ListenerProbeBundle.SYMBOLIC_NAME, List.of(watched), watchedLog);
        deploy(OTHER_SYMBOLIC_NAME, List.of(other, unstreamed), otherLog);
        awaitListening(watched, watchedLog);
        awaitListening(other, otherLog);

        dynamo.putItem(put -> put.tableName(unstreamed).item(Map.of(PK, s("item-1"))));
        dynamo.putItem(put -> put.tableName(watched).item(Map.of(PK, s("item-1"), "v", n(1))));
        dynamo.updateItem(update -> update.tableName(watched).key(Map.of(PK, s("item-1")))
                .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(2))));
        dynamo.deleteItem(delete -> delete.tableName(watched).key(Map.of(PK, s("item-1"))));
        dynamo.putItem(put -> put.tableName(other).item(Map.of(PK, s("item-1"))));

        String itemKey = PK + "=S:item-1";
        Eventually.await("the probes hear the changes", DELIVERY_TIMEOUT,
                () -> heard(watchedLog, itemKey).size() >= 3 && !heard(otherLog, itemKey).isEmpty());

        List<Change> watchedChanges = heard(watchedLog, itemKey);
        List<Change> otherChanges = heard(otherLog, itemKey);
        assertAll(
                () -> assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), watchedChanges.stream().map(Change::eventName).toList(),
                        "each change once, in commit order: " + watchedChanges),
                () -> assertTrue(ascending(watchedChanges), "sequence numbers ascend: " + watchedChanges),
                () -> assertTrue(changes(watchedLog).stream().allMatch(change -> change.table().equals(watched)),
                        "the watched table's listener hears no other table: " + changes(watchedLog)),
                () -> assertEquals(List.of("INSERT"), otherChanges.stream().map(Change::eventName).toList(), "other table: " + otherChanges),
                () -> assertTrue(changes(otherLog).stream().allMatch(change -> change.table().equals(other)),
                        "the other listener hears neither the watched table nor the table without a stream: " + changes(otherLog)));
    }

    private static String createTable(String purpose, boolean streamEnabled) {
        String name = TestTables.uniqueName(purpose);
        dynamo.createTable(create -> {
            create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(definition(PK, ScalarAttributeType.S)).keySchema(key(PK, KeyType.HASH));
            if (streamEnabled) create.streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY));
        });
        TestTables.awaitActive(dynamo, name);
        return name;
    }

    /** Moves the bundle into deploy/ with one atomic rename and waits until it is ACTIVE. */
    private static void deploy(String symbolicName, List<String> tables, Path output) {
        Path staging = server.home().resolve(symbolicName + ".jar.staging");
        try {
            Files.write(staging, ListenerProbeBundle.jar(symbolicName, tables, output));
            Files.move(staging, server.home().resolve("deploy").resolve(symbolicName + ".jar"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Eventually.await("bundle " + symbolicName + " ACTIVE", DEPLOY_TIMEOUT,
                    () -> server.admin().bundle(symbolicName).filter(bundle -> bundle.isActive()).isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nServer log:\n" + server.logTail(), e);
        }
    }

    /** Writes a new warm-up item every half second until the listener has heard one. */
    private static void awaitListening(String table, Path log) {
        Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
        for (int attempt = 0; changes(log).stream().noneMatch(change -> change.keys().startsWith(PK + "=S:" + WARM_UP)); attempt++) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The listener of " + table + " heard no warm-up item within " + DELIVERY_TIMEOUT.toSeconds()
                        + " s\nServer log:\n" + server.logTail());
            }
            AttributeValue warmUp = s(WARM_UP + attempt);
            dynamo.putItem(put -> put.tableName(table).item(Map.of(PK, warmUp)));
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Change> heard(Path log, String keys) {
        return changes(log).stream().filter(change -> change.keys().equals(keys)).toList();
    }

    /** The complete lines the probe has written so far (a line being appended is left out). */
    private static List<Change> changes(Path log) {
        if (!Files.exists(log)) return List.of();
        String text;
        try {
            text = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        return complete.lines().map(Change::parse).toList();
    }

    private static boolean ascending(List<Change> changes) {
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i - 1).sequence().compareTo(changes.get(i).sequence()) >= 0) return false;
        }
        return true;
    }

    /** One line of the probe's file. */
    private record Change(String table, String eventName, String keys, BigInteger sequence) {

        static Change parse(String line) {
            String[] fields = line.split("\t");
            if (fields.length != 4) throw new AssertionError("Not a probe line: " + Arrays.toString(fields));
            return new Change(fields[0], fields[1], fields[2], new BigInteger(fields[3]));
        }
    }
}
