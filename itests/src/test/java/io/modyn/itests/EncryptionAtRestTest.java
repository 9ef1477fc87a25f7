package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.Eventually;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.StorageBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Tables encrypted at rest, through the AWS SDK on both storage backends: known unique plaintexts
 * written by PutItem, UpdateItem, a GSI projection, a transaction and a stream record are found by
 * no byte search of the data directory (file storage) or of the server's PostgreSQL tables, for a
 * customer-key table and, on a server started with {@code --encrypt-all}, for a default table; the
 * same search finds them in a default table without {@code --encrypt-all}, so it can fail.
 * DescribeTable's SSEDescription; a disabled key stops the table with DynamoDB's error and
 * INACCESSIBLE_ENCRYPTION_CREDENTIALS, re-enabling it restores everything; switching keys keeps
 * old items readable.
 */
class EncryptionAtRestTest {

    private static ModynServer server;
    private static DynamoDbClient dynamo;
    private static KmsClient kms;

    @BeforeAll
    static void startServer() {
        server = ModynServer.start("sse");
        dynamo = DynamoDbClients.create(server);
        kms = KmsApiTest.client(server);
    }

    @AfterAll
    static void stopServer() {
        if (kms != null) kms.close();
        if (dynamo != null) dynamo.close();
        if (server != null) server.close();
    }

    @Test
    void aCustomerKeyTableKeepsNoPlaintextOnDisk() throws Exception {
        String keyArn = kms.createKey(r -> r.description("sse itest")).keyMetadata().arn();
        String alias = "alias/sse-itest-" + UUID.randomUUID();
        kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyArn));
        TableDescription created = createTable(dynamo, "customer", SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(alias).build());
        assertEquals(keyArn, created.sseDescription().kmsMasterKeyArn());
        List<String> markers = writeMarkers(dynamo, "customer");
        assertEquals(List.of(), storedCopies(server, markers), "plaintexts found in storage");
        assertReadable(dynamo, "customer", markers);

        SSEDescription sse = dynamo.describeTable(r -> r.tableName("customer")).table().sseDescription();
        assertEquals("ENABLED", sse.statusAsString());
        assertEquals(SSEType.KMS, sse.sseType());
        assertEquals(keyArn, sse.kmsMasterKeyArn());
        assertNull(sse.inaccessibleEncryptionDateTime());
    }

    @Test
    void theByteSearchFindsPlaintextOfADefaultTable() throws Exception {
        TableDescription created = createTable(dynamo, "owned", null);
        assertNull(created.sseDescription(), "the owned key shows no SSEDescription");
        List<String> markers = writeMarkers(dynamo, "owned");
        assertFalse(storedCopies(server, markers).isEmpty(), "without --encrypt-all a default table is stored in clear");
    }

    @Test
    void aDisabledKeyMakesTheTableInaccessibleUntilItIsEnabledAgain() {
        String keyId = kms.createKey(r -> r.description("sse itest disable")).keyMetadata().keyId();
        createTable(dynamo, "guarded", SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(keyId).build());
        dynamo.putItem(r -> r.tableName("guarded").item(Map.of("pk", s("a"), "secret", s("kept"))));
        kms.disableKey(r -> r.keyId(keyId));
        Eventually.await("reads fail once the key is disabled", Duration.ofSeconds(20), () -> {
            try {
                dynamo.getItem(r -> r.tableName("guarded").key(Map.of("pk", s("a"))));
                return false;
            } catch (DynamoDbException e) {
                assertEquals("ValidationException", e.awsErrorDetails().errorCode());
                assertTrue(e.awsErrorDetails().errorMessage().startsWith("KMS key disabled error: "), e.awsErrorDetails().errorMessage());
                return true;
            }
        });
        DynamoDbException write = assertThrows(DynamoDbException.class,
                () -> dynamo.putItem(r -> r.tableName("guarded").item(Map.of("pk", s("b"), "secret", s("refused")))));
        assertEquals("ValidationException", write.awsErrorDetails().errorCode());
        TableDescription inaccessible = dynamo.describeTable(r -> r.tableName("guarded")).table();
        assertEquals("INACCESSIBLE_ENCRYPTION_CREDENTIALS", inaccessible.tableStatusAsString());
        assertNotNull(inaccessible.sseDescription().inaccessibleEncryptionDateTime());

        kms.enableKey(r -> r.keyId(keyId));
        Eventually.await("reads work again once the key is enabled", Duration.ofSeconds(20), () -> {
            try {
                return "kept".equals(dynamo.getItem(r -> r.tableName("guarded").key(Map.of("pk", s("a")))).item().get("secret").s());
            } catch (DynamoDbException e) {
                return false;
            }
        });
        TableDescription restored = dynamo.describeTable(r -> r.tableName("guarded")).table();
        assertEquals("ACTIVE", restored.tableStatusAsString());
        assertNull(restored.sseDescription().inaccessibleEncryptionDateTime());
    }

    @Test
    void switchingBetweenCustomerManagedAndOwnedKeysKeepsItemsReadable() {
        String first = kms.createKey(r -> r.description("sse itest first")).keyMetadata().arn();
        createTable(dynamo, "switching", SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(first).build());
        dynamo.putItem(r -> r.tableName("switching").item(Map.of("pk", s("old"), "secret", s("before"))));

        TableDescription managed = dynamo.updateTable(r -> r.tableName("switching").sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS)))
                .tableDescription();
        assertEquals("UPDATING", managed.sseDescription().statusAsString());
        String managedArn = kms.describeKey(r -> r.keyId("alias/aws/dynamodb")).keyMetadata().arn();
        assertEquals(managedArn, dynamo.describeTable(r -> r.tableName("switching")).table().sseDescription().kmsMasterKeyArn());
        dynamo.putItem(r -> r.tableName("switching").item(Map.of("pk", s("new"), "secret", s("after"))));
        kms.disableKey(r -> r.keyId(first));
        assertEquals("before", dynamo.getItem(r -> r.tableName("switching").key(Map.of("pk", s("old")))).item().get("secret").s(),
                "the data keys were re-wrapped under the new key: the old key is no longer needed");
        assertEquals("after", dynamo.getItem(r -> r.tableName("switching").key(Map.of("pk", s("new")))).item().get("secret").s());

        dynamo.updateTable(r -> r.tableName("switching").sseSpecification(s -> s.enabled(false)));
        assertNull(dynamo.describeTable(r -> r.tableName("switching")).table().sseDescription(), "back on the owned key");
        assertEquals("before", dynamo.getItem(r -> r.tableName("switching").key(Map.of("pk", s("old")))).item().get("secret").s());
    }

    @Test
    void aMovedOrAlteredCiphertextFailsThatItemOnly() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "records are changed in place through SQL");
        String keyId = kms.createKey(r -> r.description("sse itest tamper")).keyMetadata().keyId();
        TableDescription table = createTable(dynamo, "tampered", SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(keyId).build());
        for (String id : List.of("a", "b", "c")) dynamo.putItem(r -> r.tableName("tampered").item(Map.of("pk", s(id), "secret", s("value-" + id))));
        String keyspace = "table." + table.tableId();
        try (Connection connection = DriverManager.getConnection(System.getenv(StorageBackend.POSTGRES_URL));
             Statement statement = connection.createStatement()) {
            String records = "\"" + server.schema() + "\".records";
            String ofKeyspace = "keyspace_id = (SELECT id FROM \"" + server.schema() + "\".keyspaces WHERE name = '" + keyspace + "')";
            assertEquals(1, statement.executeUpdate("UPDATE " + records + " SET value = (SELECT value FROM " + records + " WHERE " + ofKeyspace
                    + " AND partition = convert_to('a', 'UTF8')) WHERE " + ofKeyspace + " AND partition = convert_to('b', 'UTF8')"));
            assertEquals(1, statement.executeUpdate("UPDATE " + records + " SET value = set_byte(value, 29, get_byte(value, 29) # 1) WHERE "
                    + ofKeyspace + " AND partition = convert_to('c', 'UTF8')"));
        }
        try (DynamoDbClient once = DynamoDbClients.withoutRetries(server)) {
            for (String id : List.of("b", "c")) {
                DynamoDbException e = assertThrows(DynamoDbException.class, () -> once.getItem(r -> r.tableName("tampered").key(Map.of("pk", s(id)))));
                assertEquals(500, e.statusCode());
                assertTrue(e.awsErrorDetails().errorMessage().contains("could not be decrypted"), e.awsErrorDetails().errorMessage());
            }
            assertEquals("value-a", once.getItem(r -> r.tableName("tampered").key(Map.of("pk", s("a")))).item().get("secret").s(),
                    "the item the ciphertext came from is unaffected");
            once.putItem(r -> r.tableName("tampered").item(Map.of("pk", s("d"), "secret", s("value-d"))));
            assertEquals("value-d", once.getItem(r -> r.tableName("tampered").key(Map.of("pk", s("d")))).item().get("secret").s(),
                    "the table goes on serving other items");
        }
    }

    @Test
    void twoNodesOnOneDatabaseShareATablesKeys() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "nodes share a database on PostgreSQL only");
        Path rootKey = Files.createDirectories(Path.of("target", "kms-root-keys").toAbsolutePath())
                .resolve("sse-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".key");
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        Files.writeString(rootKey, java.util.Base64.getEncoder().encodeToString(material) + "\n");
        List<String> options = List.of("--kms-root-key-file", rootKey.toString());
        try (ModynServer nodeA = ModynServer.startWithOptions("sse-node-a", options);
             ModynServer nodeB = ModynServer.startSharingDatabase("sse-node-b", nodeA, options, Map.of());
             DynamoDbClient clientA = DynamoDbClients.create(nodeA);
             DynamoDbClient clientB = DynamoDbClients.create(nodeB);
             KmsClient kmsA = KmsApiTest.client(nodeA);
             KmsClient kmsB = KmsApiTest.client(nodeB)) {
            String keyId = kmsA.createKey(r -> r.description("sse two nodes")).keyMetadata().keyId();
            createTable(clientA, "shared", SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(keyId).build());
            clientA.putItem(r -> r.tableName("shared").item(Map.of("pk", s("a"), "secret", s("from-a"))));
            assertEquals("from-a", clientB.getItem(r -> r.tableName("shared").key(Map.of("pk", s("a")))).item().get("secret").s());

            clientA.updateTable(r -> r.tableName("shared").sseSpecification(sse -> sse.enabled(true).sseType(SSEType.KMS)));
            clientB.putItem(r -> r.tableName("shared").item(Map.of("pk", s("b"), "secret", s("from-b"))));
            Eventually.await("node A reads what node B sealed with the new key version", Duration.ofSeconds(10), () -> {
                try {
                    return "from-b".equals(clientA.getItem(r -> r.tableName("shared").key(Map.of("pk", s("b")))).item().get("secret").s());
                } catch (DynamoDbException e) {
                    return false;
                }
            });

            String managed = kmsB.describeKey(r -> r.keyId("alias/aws/dynamodb")).keyMetadata().arn();
            assertEquals(managed, clientB.describeTable(r -> r.tableName("shared")).table().sseDescription().kmsMasterKeyArn());
            String customer = kmsB.createKey(r -> r.description("sse two nodes, second")).keyMetadata().keyId();
            clientB.updateTable(r -> r.tableName("shared").sseSpecification(sse -> sse.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(customer)));
            kmsB.disableKey(r -> r.keyId(customer));
            Eventually.await("node A stops serving the table once node B's key is disabled", Duration.ofSeconds(20), () -> {
                try {
                    clientA.getItem(r -> r.tableName("shared").key(Map.of("pk", s("a"))));
                    return false;
                } catch (DynamoDbException e) {
                    return e.awsErrorDetails().errorMessage().startsWith("KMS key disabled error: ");
                }
            });
        } finally {
            Files.deleteIfExists(rootKey);
        }
    }

    @Test
    void invalidSpecificationsGetDynamoDbsErrors() {
        DynamoDbException noType = assertThrows(DynamoDbException.class, () -> createTable(dynamo, "refused",
                SSESpecification.builder().enabled(true).kmsMasterKeyId("alias/aws/dynamodb").build()));
        assertEquals("One or more parameter values were invalid: SSEType KMS is required if KMSMasterKeyId is specified",
                noType.awsErrorDetails().errorMessage());
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> createTable(dynamo, "refused",
                SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("alias/no-such-key").build()));
        assertEquals("ValidationException", missing.awsErrorDetails().errorCode());
        assertTrue(missing.awsErrorDetails().errorMessage().startsWith("KMS validation error: "), missing.awsErrorDetails().errorMessage());
        assertThrows(DynamoDbException.class, () -> dynamo.describeTable(r -> r.tableName("refused")), "no table was created");
    }

    @Test
    void encryptAllSealsDefaultTables() throws Exception {
        try (ModynServer sealed = ModynServer.startWithOptions("sse-all", List.of("--encrypt-all"));
             DynamoDbClient client = DynamoDbClients.create(sealed);
             KmsClient keys = KmsApiTest.client(sealed)) {
            TableDescription created = createTable(client, "everything", null);
            assertNull(created.sseDescription(), "the owned key shows no SSEDescription, also under --encrypt-all");
            List<String> markers = writeMarkers(client, "everything");
            assertEquals(List.of(), storedCopies(sealed, markers), "plaintexts found in storage");
            assertReadable(client, "everything", markers);
            sealed.stop();
            sealed.restart();
            try (DynamoDbClient again = DynamoDbClients.create(sealed)) {
                Eventually.await("the KMS key service is back after the restart", Duration.ofSeconds(30), () -> {
                    try {
                        return again.getItem(r -> r.tableName("everything").key(Map.of("pk", s("p1")))).hasItem();
                    } catch (DynamoDbException e) {
                        return false;
                    }
                });
                assertReadable(again, "everything", markers);
                String more = "after-restart-" + UUID.randomUUID();
                again.putItem(r -> r.tableName("everything").item(Map.of("pk", s("r1"), "gk", s("h"), "secret", s(more))));
                assertEquals(List.of(), storedCopies(sealed, List.of(more)), "new writes after a restart are sealed too");
            }
        }
    }

    /** Writes one unique plaintext each through PutItem, UpdateItem and a transaction; the GSI projects them and the stream records them. */
    private static List<String> writeMarkers(DynamoDbClient client, String table) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String put = "put-plaintext-" + run;
        String update = "update-plaintext-" + run;
        String transact = "transact-plaintext-" + run;
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s("p1"), "gk", s("g"), "secret", s(put))));
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s("u1"), "gk", s("g"))));
        client.updateItem(r -> r.tableName(table).key(Map.of("pk", s("u1"))).updateExpression("SET secret = :s")
                .expressionAttributeValues(Map.of(":s", s(update))));
        client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(Map.of("pk", s("t1"), "gk", s("g"), "secret", s(transact)))).build()));
        return List.of(put, update, transact);
    }

    private static void assertReadable(DynamoDbClient client, String table, List<String> markers) {
        assertEquals(markers.get(0), client.getItem(r -> r.tableName(table).key(Map.of("pk", s("p1")))).item().get("secret").s());
        assertEquals(markers.get(1), client.getItem(r -> r.tableName(table).key(Map.of("pk", s("u1")))).item().get("secret").s());
        List<String> projected = client.query(r -> r.tableName(table).indexName("by-gk").keyConditionExpression("gk = :g")
                .expressionAttributeValues(Map.of(":g", s("g")))).items().stream().map(item -> item.get("secret").s()).sorted().toList();
        assertEquals(markers.stream().sorted().toList(), projected, "the GSI's projection opens");
    }

    private static TableDescription createTable(DynamoDbClient client, String name, SSESpecification sse) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("gk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-gk")
                        .keySchema(KeySchemaElement.builder().attributeName("gk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build());
        if (sse != null) request.sseSpecification(sse);
        TableDescription created = client.createTable(request.build()).tableDescription();
        Eventually.await("table " + name + " is ACTIVE", Duration.ofSeconds(30),
                () -> "ACTIVE".equals(client.describeTable(r -> r.tableName(name)).table().tableStatusAsString()));
        return created;
    }

    /** The markers found in the server's data directory or (on PostgreSQL) in its schema's tables. */
    private static List<String> storedCopies(ModynServer target, List<String> markers) throws Exception {
        List<String> found = new ArrayList<>();
        List<byte[]> stored = new ArrayList<>();
        try (Stream<Path> files = Files.walk(target.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) stored.add(Files.readAllBytes(file));
        }
        if (StorageBackend.current() == StorageBackend.POSTGRES) stored.addAll(postgresValues(target.schema()));
        for (String marker : markers) {
            byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
            if (stored.stream().anyMatch(haystack -> contains(haystack, needle))) found.add(marker);
        }
        return found;
    }

    private static List<byte[]> postgresValues(String schema) throws Exception {
        List<byte[]> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(System.getenv(StorageBackend.POSTGRES_URL));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            assertFalse(tables.isEmpty(), "the server's schema " + schema + " has tables");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] value = rs.getBytes(c);
                            if (value != null) values.add(value);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
