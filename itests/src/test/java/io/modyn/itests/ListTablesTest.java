package io.modyn.itests;

import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ListTables pages through table names in order. Other tests create tables on the same server, so
 * the assertions look only at names under this class's own random prefix, which nothing else uses.
 */
@ExtendWith(SharedModynServer.class)
class ListTablesTest {

    private static final String PREFIX = "it-list-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final List<String> NAMES = List.of(PREFIX + "a", PREFIX + "b", PREFIX + "c");

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void createTables(DynamoDbClient client) {
        dynamo = client;
        // Created out of order: the listing must sort them.
        for (String name : List.of(NAMES.get(2), NAMES.get(0), NAMES.get(1))) {
            dynamo.createTable(create -> create
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(TestTables.definition("pk", ScalarAttributeType.S))
                    .keySchema(TestTables.key("pk", KeyType.HASH)));
        }
    }

    @Test
    void listsEveryTableInNameOrder() {
        List<String> all = dynamo.listTablesPaginator().tableNames().stream().toList();

        assertTrue(all.containsAll(NAMES), all + " lacks some of " + NAMES);
        assertEquals(all.stream().sorted().toList(), all, "names in order");
        assertEquals(NAMES, all.stream().filter(name -> name.startsWith(PREFIX)).toList());
    }

    @Test
    void limitCutsThePageAndNamesTheLastTableReturned() {
        ListTablesResponse page = dynamo.listTables(list -> list.exclusiveStartTableName(PREFIX).limit(2));

        assertEquals(NAMES.subList(0, 2), page.tableNames());
        assertEquals(NAMES.get(1), page.lastEvaluatedTableName());
    }

    @Test
    void exclusiveStartTableNameContinuesAfterThatName() {
        ListTablesResponse page = dynamo.listTables(list -> list.exclusiveStartTableName(NAMES.get(1)).limit(2));

        assertEquals(NAMES.get(2), page.tableNames().get(0));
    }

    @Test
    void exclusiveStartTableNameNeedNotExist() {
        ListTablesResponse page = dynamo.listTables(list -> list.exclusiveStartTableName(PREFIX + "aa").limit(1));

        assertEquals(List.of(NAMES.get(1)), page.tableNames());
    }

    @Test
    void paginatorWithSmallPagesListsTheSameNames() {
        List<String> paged = dynamo.listTablesPaginator(list -> list.limit(1)).tableNames().stream().toList();

        assertEquals(NAMES, paged.stream().filter(name -> name.startsWith(PREFIX)).toList());
    }

    @Test
    void limitBelowOneIsRejected() {
        assertValidationError("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", () -> dynamo.listTables(list -> list.limit(0)));
    }

    @Test
    void limitAboveOneHundredIsRejected() {
        assertValidationError("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100", () -> dynamo.listTables(list -> list.limit(101)));
    }
}
