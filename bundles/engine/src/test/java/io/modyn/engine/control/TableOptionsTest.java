package io.modyn.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.engine.DynamoDbEngine;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.write.ItemWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DeletionProtectionEnabled and TableClass on CreateTable, UpdateTable and DeleteTable. */
class TableOptionsTest {

    private static final RequestContext CONTEXT = new RequestContext("test", null);
    private static final String PROTECTED_MESSAGE =
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.";

    private DynamoDbEngine engine;

    @BeforeEach
    void startEngine() {
        StorageBinding storage = new StorageBinding();
        storage.bind(new InMemoryStorageEngine());
        engine = new DynamoDbEngine(storage, new EngineSettings("us-east-1", "000000000000"), new ItemWriter(List.of()));
    }

    @Test
    void aTableIsStandardAndUnprotectedByDefault() {
        create("plain", null, null);
        TableDefinition table = describe("plain");
        assertNull(table.tableClass(), "no class chosen: the table is STANDARD and DescribeTable shows no TableClassSummary");
        assertFalse(table.deletionProtectionEnabled());
    }

    @Test
    void aProtectedTableCannotBeDeletedUntilProtectionIsTurnedOff() {
        create("precious", null, true);
        assertTrue(describe("precious").deletionProtectionEnabled());
        DynamoException e = assertThrows(DynamoException.class, () -> engine.deleteTable(new DeleteTableRequest("precious"), CONTEXT));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(PROTECTED_MESSAGE, e.getMessage());
        assertEquals("precious", describe("precious").tableName());

        engine.updateTable(new UpdateTableRequest("precious", null, null, null, null, null, false, null), CONTEXT);
        engine.deleteTable(new DeleteTableRequest("precious"), CONTEXT);
        assertThrows(DynamoException.class, () -> describe("precious"));
    }

    @Test
    void theTableClassIsKeptAndCanBeChanged() {
        create("archive", "STANDARD_INFREQUENT_ACCESS", null);
        assertEquals("STANDARD_INFREQUENT_ACCESS", describe("archive").tableClass());
        engine.updateTable(new UpdateTableRequest("archive", null, null, null, null, null, null, "STANDARD"), CONTEXT);
        assertEquals("STANDARD", describe("archive").tableClass());
    }

    @Test
    void anUnknownTableClassIsRefusedWithTheEnumMessage() {
        String message = "Invalid table-class parameter provided. Please try again with a valid table-class value: "
                + "[STANDARD, STANDARD_INFREQUENT_ACCESS].";
        DynamoException e = assertThrows(DynamoException.class, () -> create("cold", "COLD", null));
        assertEquals(message, e.getMessage());
        create("warm", null, null);
        e = assertThrows(DynamoException.class, () -> engine.updateTable(
                new UpdateTableRequest("warm", null, null, null, null, null, null, "COLD"), CONTEXT));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anUpdateChangesOnlyTheMembersItNames() {
        TableDefinition table = TableDefinition.builder().tableName("t").tableId("id").deletionProtectionEnabled(true)
                .tableClass("STANDARD_INFREQUENT_ACCESS").build();
        TableDefinition unchanged = TableOptions.forUpdate(table, new UpdateTableRequest("t", null, null, null, null, null, null, null));
        assertEquals(table, unchanged);
        TableDefinition unprotected = TableOptions.forUpdate(table, new UpdateTableRequest("t", null, null, null, null, null, false, null));
        assertFalse(unprotected.deletionProtectionEnabled());
        assertEquals("STANDARD_INFREQUENT_ACCESS", unprotected.tableClass());
    }

    private void create(String name, String tableClass, Boolean deletionProtection) {
        engine.createTable(new CreateTableRequest(name, List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                "PAY_PER_REQUEST", null, null, null, null, null, tableClass, deletionProtection), CONTEXT);
    }

    private TableDefinition describe(String name) {
        return engine.describeTable(new DescribeTableRequest(name), CONTEXT).table().definition();
    }
}
