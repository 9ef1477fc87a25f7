package io.modyn.engine.encryption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TableDescription;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.ProvisionedThroughput;
import io.modyn.api.model.SseDescription;
import io.modyn.api.model.SseSpecification;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageRecord;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables encrypted at rest, through the engine's operations over in-memory storage. */
class TableEncryptionTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);
    private static final String MARKER = "unique-plaintext-7f3a";

    private final InMemoryStorageEngine raw = new InMemoryStorageEngine();
    private final LocalKeyManager kms = new LocalKeyManager();
    private final KeyManagerBinding keyManagers = new KeyManagerBinding();
    private DynamoDbEngine engine;
    private StorageBinding storage;

    private void start(boolean encryptAll) {
        keyManagers.bind(kms);
        storage = new StorageBinding(keyManagers, new EncryptionSettings(encryptAll, Duration.ofMinutes(5), Duration.ZERO));
        storage.bind(raw);
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
    }

    @Test
    void aCustomerKeyTableStoresNoPlaintextAndReadsItBack() {
        start(false);
        String key = kms.createKey();
        TableDescription created = create("secrets", new SseSpecification(true, "KMS", key));
        assertEquals(new SseDescription("ENABLED", "KMS", LocalKeyManager.arn(key), null), created.sseDescription());
        put("secrets", "a", MARKER);
        update("secrets", "b", MARKER + "-updated");
        assertFalse(rawContains("table." + created.definition().tableId(), MARKER));
        assertEquals(MARKER, get("secrets", "a"));
        assertEquals(MARKER + "-updated", get("secrets", "b"));
        assertEquals(LocalKeyManager.arn(key), describe("secrets").sseDescription().kmsMasterKeyArn());
    }

    @Test
    void aDefaultTableIsStoredInClearUnlessEncryptAll() {
        start(false);
        TableDescription plain = create("plain", null);
        assertNull(plain.sseDescription());
        put("plain", "a", MARKER);
        assertTrue(rawContains("table." + plain.definition().tableId(), MARKER), "off by default: readable without a key");
    }

    @Test
    void encryptAllSealsDefaultTablesWithoutDescribingThem() {
        start(true);
        TableDescription table = create("owned", null);
        put("owned", "a", MARKER);
        assertFalse(rawContains("table." + table.definition().tableId(), MARKER));
        assertEquals(MARKER, get("owned", "a"));
        assertNull(describe("owned").sseDescription(), "the owned key shows no SSEDescription");
    }

    @Test
    void aValueMovedToAnotherItemFailsThatItemOnly() {
        start(false);
        TableDescription table = create("moved", new SseSpecification(true, "KMS", kms.createKey()));
        put("moved", "a", MARKER);
        put("moved", "b", "other");
        String keyspace = "table." + table.definition().tableId();
        byte[] sealedA = raw.get(keyspace, bytes("a"), new byte[0]);
        try (StorageTransaction tx = raw.begin()) {
            tx.put(keyspace, bytes("b"), new byte[0], sealedA);
            tx.commit();
        }
        DynamoException e = assertThrows(DynamoException.class, () -> get("moved", "b"));
        assertEquals(ErrorType.INTERNAL_SERVER_ERROR, e.type());
        assertTrue(e.getMessage().contains("could not be decrypted"), e.getMessage());
        assertEquals(MARKER, get("moved", "a"));
    }

    @Test
    void aDisabledKeyStopsTheTableAndReEnablingRestoresIt() {
        start(false);
        String key = kms.createKey();
        create("guarded", new SseSpecification(true, "KMS", key));
        put("guarded", "a", MARKER);
        kms.disable(key);
        DynamoException read = assertThrows(DynamoException.class, () -> get("guarded", "a"));
        assertEquals(ErrorType.VALIDATION, read.type());
        assertTrue(read.getMessage().startsWith("KMS key disabled error: "), read.getMessage());
        assertThrows(DynamoException.class, () -> put("guarded", "b", "x"));
        TableDescription inaccessible = describe("guarded");
        assertEquals("INACCESSIBLE_ENCRYPTION_CREDENTIALS", inaccessible.definition().tableStatus());
        assertNotNull(inaccessible.sseDescription().inaccessibleEncryptionDateTime());
        kms.enable(key);
        assertEquals(MARKER, get("guarded", "a"));
        TableDescription restored = describe("guarded");
        assertEquals("ACTIVE", restored.definition().tableStatus());
        assertNull(restored.sseDescription().inaccessibleEncryptionDateTime());
    }

    @Test
    void changingTheKeyKeepsOldItemsReadableAfterTheOldKeyIsDisabled() {
        start(false);
        String first = kms.createKey();
        String second = kms.createKey();
        TableDescription table = create("moving", new SseSpecification(true, "KMS", first));
        put("moving", "old", MARKER);
        TableDescription updated = engine.updateTable(new UpdateTableRequest("moving", null, null, null, null, null, null, null,
                new SseSpecification(true, "KMS", LocalKeyManager.arn(second))), CONTEXT).tableDescription();
        assertEquals("UPDATING", updated.sseDescription().status());
        assertEquals(LocalKeyManager.arn(second), updated.sseDescription().kmsMasterKeyArn());
        put("moving", "new", "fresh");
        kms.disable(first);
        assertEquals(MARKER, get("moving", "old"));
        assertEquals("fresh", get("moving", "new"));
        String keyspace = "table." + table.definition().tableId();
        assertEquals(1, ItemCipher.version(raw.get(keyspace, bytes("old"), new byte[0])));
        assertEquals(2, ItemCipher.version(raw.get(keyspace, bytes("new"), new byte[0])), "new writes use the new version");
    }

    @Test
    void rotationKeepsOldItemsReadable() {
        start(false);
        TableDescription table = create("rotating", new SseSpecification(true, "KMS", kms.createKey()));
        put("rotating", "v1", MARKER);
        storage.require().keys().rotate(table.definition().tableId());
        put("rotating", "v2", "second");
        String keyspace = "table." + table.definition().tableId();
        assertNotEquals(ItemCipher.version(raw.get(keyspace, bytes("v1"), new byte[0])), ItemCipher.version(raw.get(keyspace, bytes("v2"), new byte[0])));
        assertEquals(MARKER, get("rotating", "v1"));
        assertEquals("second", get("rotating", "v2"));
    }

    @Test
    void withoutAKeyServiceAnEncryptedTableAnswersARetryableErrorAndWritesNothing() {
        start(false);
        TableDescription table = create("waiting", new SseSpecification(true, "KMS", kms.createKey()));
        create("open", null);
        keyManagers.unbind(kms);
        DynamoException e = assertThrows(DynamoException.class, () -> put("waiting", "a", MARKER));
        assertEquals(ErrorType.SERVICE_UNAVAILABLE, e.type());
        assertNull(raw.get("table." + table.definition().tableId(), bytes("a"), new byte[0]));
        put("open", "a", "still served");
        assertEquals("still served", get("open", "a"));
    }

    @Test
    void theAwsManagedKeyIsUsedWhenNoKeyIsNamed() {
        start(false);
        TableDescription table = create("managed", new SseSpecification(true, null, null));
        assertEquals(kms.resolve("alias/aws/dynamodb").arn(), table.sseDescription().kmsMasterKeyArn());
    }

    @Test
    void invalidSpecificationsAreRefusedWithDynamoDbsMessages() {
        start(false);
        assertEquals("One or more parameter values were invalid: SSEType KMS is required if KMSMasterKeyId is specified",
                refused(new SseSpecification(true, null, "alias/x")));
        assertEquals("One or more parameter values were invalid: SSEType can not be specified if Enabled is false",
                refused(new SseSpecification(false, "KMS", null)));
        assertEquals("One or more parameter values were invalid: KMSMasterKeyId can not be specified if Enabled is false",
                refused(new SseSpecification(false, null, "alias/x")));
        assertEquals("One or more parameter values were invalid: SSEType AES256 is not supported",
                refused(new SseSpecification(true, "AES256", null)));
        assertTrue(refused(new SseSpecification(true, "KMS", "alias/missing")).startsWith("KMS validation error: "));
    }

    private String refused(SseSpecification sse) {
        DynamoException e = assertThrows(DynamoException.class, () -> create("refused", sse));
        assertEquals(ErrorType.VALIDATION, e.type());
        return e.getMessage();
    }

    private TableDescription create(String name, SseSpecification sse) {
        return engine.createTable(new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PROVISIONED", new ProvisionedThroughput(5L, 5L), null, null, null, null, null, null, null, sse), CONTEXT).tableDescription();
    }

    private TableDescription describe(String name) {
        return engine.describeTable(new DescribeTableRequest(name), CONTEXT).table();
    }

    private void put(String table, String id, String secret) {
        engine.putItem(new PutItemRequest(table, Map.of("id", AttributeValue.s(id), "secret", AttributeValue.s(secret)), null, null, null, null,
                null, null, null, null, null), CONTEXT);
    }

    private void update(String table, String id, String secret) {
        engine.updateItem(new UpdateItemRequest(table, Map.of("id", AttributeValue.s(id)), null, null, null, null, null, null, "SET secret = :s",
                null, null, Map.of(":s", AttributeValue.s(secret)), null), CONTEXT);
    }

    private String get(String table, String id) {
        Map<String, AttributeValue> item = engine.getItem(new GetItemRequest(table, Map.of("id", AttributeValue.s(id)), null, null, null, null, null),
                CONTEXT).item();
        return ((AttributeValue.S) item.get("secret")).value();
    }

    private boolean rawContains(String keyspace, String text) {
        try (RecordCursor cursor = raw.scan(keyspace, 0, 1, null)) {
            while (cursor.hasNext()) {
                StorageRecord record = cursor.next();
                if (new String(record.value(), StandardCharsets.ISO_8859_1).contains(text)) return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
