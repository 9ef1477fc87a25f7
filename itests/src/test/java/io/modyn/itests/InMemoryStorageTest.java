package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import io.modyn.itests.support.TestTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code bin/modyn --in-memory} (issue 14): the memory storage backend serves tables like any other,
 * writes nothing under the data directory (only Felix's bundle cache lives there), and a restart
 * begins empty. Runs on the file leg of the suite only: the option replaces the leg's backend.
 */
class InMemoryStorageTest {

    @BeforeAll
    static void fileLegOnly() {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.FILE, "--in-memory replaces the storage backend of the leg");
    }

    @Test
    void tablesLiveInMemoryOnlyAndARestartBeginsEmpty() throws Exception {
        try (ModynServer server = ModynServer.startWithOptions("in-memory", List.of("--in-memory"));
             DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            assertTrue(Files.readString(server.log()).contains("storage memory"), server.logTail());
            String table = TestTables.createHashRangeTable(dynamo, "in-memory", ScalarAttributeType.S, ScalarAttributeType.N);
            for (int i = 0; i < 30; i++) {
                int sort = i;
                dynamo.putItem(b -> b.tableName(table).item(Map.of(TestTables.PK, s("p"), TestTables.SK, n(sort), "v", s("value " + sort))));
            }
            var page = dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"))).scanIndexForward(false).limit(3).build());
            assertEquals(List.of("29", "28", "27"), page.items().stream().map(item -> item.get(TestTables.SK).n()).toList());
            assertEquals("value 7", dynamo.getItem(b -> b.tableName(table).key(Map.of(TestTables.PK, s("p"), TestTables.SK, n(7))))
                    .item().get("v").s());

            assertFalse(Files.exists(server.dataDir().resolve("storage")), "the memory backend made a storage directory");
            // The admin endpoint's token is the only file of the server's own there (Felix's bundle cache aside).
            assertEquals(List.of(server.dataDir().resolve("admin-token")), filesOutsideFelixCache(server.dataDir()),
                    "files written under the data directory");

            server.stop();
            server.restart();
            try (DynamoDbClient again = DynamoDbClients.create(server)) {
                assertTrue(again.listTables().tableNames().isEmpty(), "a later start begins empty");
            }
        }
    }

    @Test
    void inMemoryCannotGoWithPostgresStorage() throws Exception {
        try (ModynServer server = ModynServer.start("in-memory-refused")) {
            Process process = new ProcessBuilder(server.home().resolve("bin/modyn").toString(), "--in-memory", "--storage", "postgres")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), output);
            assertTrue(output.contains("--in-memory keeps tables in memory: it cannot go with --storage postgres"), output);
        }
    }

    private static List<Path> filesOutsideFelixCache(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !dataDir.relativize(file).startsWith("felix-cache"))
                    .toList();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
