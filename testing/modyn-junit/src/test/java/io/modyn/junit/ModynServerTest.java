package io.modyn.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The plain launcher: start, use through the SDK, restart, clean, stop, side by side, from the archive. */
@Timeout(300)
class ModynServerTest {

    @Test
    void startsInMemoryOnAFreePortAndServesTheSdk() throws IOException {
        try (ModynServer server = ModynServer.builder().start();
             DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            assertTrue(server.isRunning());
            assertTrue(Files.readString(server.log()).contains("storage memory"), server.logTail());
            createTable(dynamo, "orders");
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"), "total", AttributeValue.fromN("12.5"))));
            assertEquals("12.5", dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("o-1")))).item().get("total").n());
            assertEquals(List.of(), storageFiles(server), "in memory, nothing is written to the data directory's storage");
        }
    }

    @Test
    void serversStartedTogetherGetTheirOwnPortsAndTables() {
        CompletableFuture<ModynServer> first = CompletableFuture.supplyAsync(() -> ModynServer.builder().start());
        CompletableFuture<ModynServer> second = CompletableFuture.supplyAsync(() -> ModynServer.builder().start());
        try (ModynServer a = first.join(); ModynServer b = second.join();
             DynamoDbClient dynamoA = DynamoDbClients.create(a); DynamoDbClient dynamoB = DynamoDbClients.create(b)) {
            assertNotEquals(a.port(), b.port());
            createTable(dynamoA, "orders");
            assertEquals(List.of(), dynamoB.listTables().tableNames(), "the other server's table is not here");
            createTable(dynamoB, "orders");
        }
    }

    @Test
    void restartOfAnInMemoryServerBeginsEmptyOnTheSamePort() {
        try (ModynServer server = ModynServer.builder().start(); DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            createTable(dynamo, "orders");
            int port = server.port();
            server.restart();
            assertEquals(port, server.port());
            assertEquals(List.of(), dynamo.listTables().tableNames());
        }
    }

    @Test
    void deleteAllTablesLetsTheNextTestCreateTheSameTables() {
        try (ModynServer server = ModynServer.builder().start(); DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            createTable(dynamo, "orders");
            createTable(dynamo, "customers");
            dynamo.updateTable(b -> b.tableName("customers").deletionProtectionEnabled(true));
            assertThrows(ResourceInUseException.class, () -> createTable(dynamo, "orders"));

            server.deleteAllTables();

            assertEquals(List.of(), dynamo.listTables().tableNames());
            createTable(dynamo, "orders");
        }
    }

    @Test
    void closeStopsTheServerAndDeletesItsFolder() {
        ModynServer server = ModynServer.builder().start();
        Path folder = server.log().getParent();
        int port = server.port();
        server.close();
        assertFalse(server.isRunning());
        assertFalse(Files.exists(folder), "the temporary data directory is deleted");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void startsFromTheDistributionArchive() throws IOException {
        Path folder = ModynDistribution.locate();
        Path archive;
        try (Stream<Path> files = Files.list(folder.getParent())) {
            archive = files.filter(file -> file.getFileName().toString().matches("modyn-.*\\.tar\\.gz")).findFirst().orElseThrow();
        }
        Path unpacked = ModynDistribution.serverFolder(archive);
        assertNotEquals(folder, unpacked);
        assertTrue(Files.isExecutable(unpacked.resolve("bin/modyn")), "the launcher keeps its executable bit");
        try (ModynServer server = ModynServer.builder().distribution(archive).start(); DynamoDbClient dynamo = DynamoDbClients.create(server)) {
            createTable(dynamo, "orders");
            assertEquals(List.of("orders"), dynamo.listTables().tableNames());
        }
    }

    static void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    private static List<Path> storageFiles(ModynServer server) throws IOException {
        Path data = server.log().resolveSibling("data");
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).filter(file -> !data.relativize(file).startsWith("felix-cache"))
                    .filter(file -> !file.getFileName().toString().equals("admin-token")).toList();
        }
    }
}
