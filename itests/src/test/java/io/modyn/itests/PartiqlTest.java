package io.modyn.itests;

import static io.modyn.itests.support.AttributeValues.b;
import static io.modyn.itests.support.AttributeValues.bool;
import static io.modyn.itests.support.AttributeValues.l;
import static io.modyn.itests.support.AttributeValues.m;
import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.nul;
import static io.modyn.itests.support.AttributeValues.s;
import static io.modyn.itests.support.DynamoAssertions.assertDynamoError;
import static io.modyn.itests.support.DynamoAssertions.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import io.modyn.itests.support.TestTables;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * PartiQL for DynamoDB through the AWS SDK for Java v2 (ExecuteStatement, BatchExecuteStatement,
 * ExecuteTransaction) and the AWS CLI: statements of every kind, their key lookups, queries and
 * scans, paging, per-statement batch errors, and transactions with idempotency tokens.
 *
 * <p>Messages and error codes as DynamoDB answers them (paritysuite/dynamodb-conformance,
 * tests/tier2/partiql and tests/tier3/error-messages/partiql.test.ts).
 */
@ExtendWith(SharedModynServer.class)
class PartiqlTest {

    private static DynamoDbClient dynamo;
    private static String items;
    private static String songs;

    @BeforeAll
    static void createTables(ModynServer server) {
        dynamo = DynamoDbClients.withoutRetries(server);
        items = TestTables.createHashTable(dynamo, "partiql-items", ScalarAttributeType.S);
        songs = TestTables.createHashRangeTable(dynamo, "partiql-songs", ScalarAttributeType.S, ScalarAttributeType.N);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void insertSelectUpdateDeleteAnItem() {
        String id = unique();
        execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'n': 1, 'flag': true, 'z': null, 'l': [1, 'x'], "
                + "'m': {'k': 'v'}, 'tags': <<'a', 'b'>>, 'nums': <<1, 2>>, 'bin': ?}", s(id), b((byte) 1, (byte) 2));

        List<Map<String, AttributeValue>> read = execute("SELECT * FROM \"" + items + "\" WHERE pk = ?", s(id)).items();
        assertEquals(1, read.size());
        assertEquals(Map.of("pk", s(id), "n", n(1), "flag", bool(true), "z", nul(), "l", l(n(1), s("x")), "m", m(Map.of("k", s("v"))),
                "bin", b((byte) 1, (byte) 2)), withoutSets(read.get(0)));
        assertEquals(List.of("a", "b"), read.get(0).get("tags").ss().stream().sorted().toList());
        assertEquals(List.of("1", "2"), read.get(0).get("nums").ns().stream().sorted().toList());

        List<Map<String, AttributeValue>> updated = execute("UPDATE \"" + items + "\" SET n = n + 41 SET l = list_append(l, ['y']) "
                + "SET tags = set_add(tags, <<'c'>>) REMOVE z WHERE pk = ? RETURNING MODIFIED NEW *", s(id)).items();
        assertEquals(n(42), updated.get(0).get("n"));
        assertEquals(l(n(1), s("x"), s("y")), updated.get(0).get("l"));
        assertFalse(updated.get(0).containsKey("pk"));

        List<Map<String, AttributeValue>> deleted = execute("DELETE FROM \"" + items + "\" WHERE pk = ? RETURNING ALL OLD *", s(id)).items();
        assertEquals(n(42), deleted.get(0).get("n"));
        assertEquals(List.of(), execute("SELECT * FROM \"" + items + "\" WHERE pk = ?", s(id)).items());
    }

    @Test
    void insertIsNotAnUpsertAndUpdateNeedsTheItem() {
        String id = unique();
        execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'v': 'first'}", s(id));

        assertDynamoError(DuplicateItemException.class, "DuplicateItemException", "Duplicate primary key exists in table",
                () -> execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'v': 'second'}", s(id)));
        assertDynamoError(ConditionalCheckFailedException.class, "ConditionalCheckFailedException", "The conditional request failed",
                () -> execute("UPDATE \"" + items + "\" SET v = 'x' WHERE pk = ? AND v = 'other'", s(id)));
        assertThrows(ConditionalCheckFailedException.class, () -> execute("UPDATE \"" + items + "\" SET v = 'x' WHERE pk = ?", s(unique())));
        assertEquals(s("first"), execute("SELECT v FROM \"" + items + "\" WHERE pk = ?", s(id)).items().get(0).get("v"));
    }

    @Test
    void selectsQueryAPartitionInPagesAndScanWithAFilter() {
        String artist = unique();
        List<BatchStatementRequest> inserts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            inserts.add(BatchStatementRequest.builder().statement("INSERT INTO \"" + songs + "\" VALUE {'pk': ?, 'sk': ?, 'plays': ?}")
                    .parameters(s(artist), n(i), n(i * 10)).build());
        }
        BatchExecuteStatementResponse inserted = dynamo.batchExecuteStatement(b -> b.statements(inserts));
        inserted.responses().forEach(r -> assertNull(r.error()));

        List<String> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ExecuteStatementResponse page = dynamo.executeStatement(r -> r
                    .statement("SELECT sk FROM \"" + songs + "\" WHERE pk = ? AND sk >= 2 ORDER BY sk DESC")
                    .parameters(s(artist)).limit(2).nextToken(next));
            page.items().forEach(item -> pages.add(item.get("sk").n()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("5", "4", "3", "2"), pages);

        List<Map<String, AttributeValue>> scanned = execute("SELECT sk FROM \"" + songs + "\" WHERE plays BETWEEN 20 AND 40 AND pk = ?", s(artist))
                .items();
        assertEquals(List.of("2", "3", "4"), scanned.stream().map(item -> item.get("sk").n()).sorted().toList());
        assertEquals(5, execute("SELECT * FROM \"" + songs + "\" WHERE begins_with(pk, ?)", s(artist)).items().size());
    }

    @Test
    void batchAnswersEachStatementOnItsOwn() {
        String id = unique();
        execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'v': 'here'}", s(id));

        BatchExecuteStatementResponse reads = dynamo.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .statements(statement("SELECT * FROM \"" + items + "\" WHERE pk = ?", s(id)),
                        statement("SELECT * FROM \"" + items + "\" WHERE v = 'here'"),
                        statement("SELECT * FROM \"" + TestTables.uniqueName("absent") + "\" WHERE pk = 'x'"),
                        statement("SLECT * FROM \"" + items + "\"")));
        List<BatchStatementResponse> r = reads.responses();
        assertEquals(s("here"), r.get(0).item().get("v"));
        assertEquals("ValidationError", r.get(1).error().codeAsString());
        assertEquals("Select statements within BatchExecuteStatement must specify the primary key in the where clause.", r.get(1).error().message());
        assertEquals("ResourceNotFound", r.get(2).error().codeAsString());
        assertEquals("Statement wasn't well formed, can't be processed: Expected data manipulation", r.get(3).error().message());
        assertEquals(0.5, reads.consumedCapacity().get(0).capacityUnits());

        BatchExecuteStatementResponse writes = dynamo.batchExecuteStatement(b -> b.statements(
                statement("INSERT INTO \"" + items + "\" VALUE {'pk': ?}", s(id)),
                statement("UPDATE \"" + items + "\" SET v = 'after' WHERE pk = ? RETURNING ALL NEW *", s(id))));
        assertEquals("DuplicateItem", writes.responses().get(0).error().codeAsString());
        assertEquals(items, writes.responses().get(0).tableName());
        assertEquals(s("after"), writes.responses().get(1).item().get("v"));
    }

    @Test
    void transactionsCommitOrCancelAsAWholeAndReplayByToken() {
        String id = unique();
        String other = unique();
        execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'n': 0}", s(id));
        execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'n': 0}", s(other));

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class, () -> dynamo.executeTransaction(t -> t
                .transactStatements(transactional("UPDATE \"" + items + "\" SET n = 5 WHERE pk = ?", s(other)),
                        transactional("INSERT INTO \"" + items + "\" VALUE {'pk': ?}", s(id)))));
        assertEquals(List.of("None", "DuplicateItem"), cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertEquals(n(0), execute("SELECT n FROM \"" + items + "\" WHERE pk = ?", s(other)).items().get(0).get("n"));

        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            dynamo.executeTransaction(t -> t.clientRequestToken(token)
                    .transactStatements(transactional("UPDATE \"" + items + "\" SET n = n + 1 WHERE pk = ?", s(id))));
        }
        ExecuteTransactionResponse read = dynamo.executeTransaction(t -> t.transactStatements(
                transactional("SELECT n FROM \"" + items + "\" WHERE pk = ?", s(id)),
                transactional("SELECT * FROM \"" + items + "\" WHERE pk = ?", s(unique()))));
        assertEquals(Map.of("n", n(1)), read.responses().get(0).item());
        assertFalse(read.responses().get(1).hasItem());

        assertValidationError("Validation failed in TransactStatements[0]: RETURNING clause is not supported in ExecuteTransaction.",
                () -> dynamo.executeTransaction(t -> t.transactStatements(
                        transactional("UPDATE \"" + items + "\" SET n = 1 WHERE pk = ? RETURNING ALL NEW *", s(id)))));
    }

    @Test
    void statementErrorsAreDynamoDbs() {
        assertValidationError("Statement wasn't well formed, can't be processed: Expected data manipulation",
                () -> execute("SLECT * FROM \"" + items + "\""));
        assertValidationError("Where clause does not contain a mandatory equality on all key attributes",
                () -> execute("DELETE FROM \"" + items + "\" WHERE v = 'x'"));
        assertValidationError("Number of parameters in request and statement don't match.",
                () -> execute("SELECT * FROM \"" + items + "\" WHERE pk = ?"));
        assertValidationError("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
                () -> execute("SELECT * FROM \"" + items + "\" WHERE pk = 'x' AND v < ?", bool(true)));
        assertThrows(ResourceNotFoundException.class, () -> execute("SELECT * FROM \"" + TestTables.uniqueName("absent") + "\" WHERE pk = 'x'"));
    }

    /** Within DynamoDB's 8192 characters a statement can nest four thousand levels: refused, never a stack overflow (500). */
    @Test
    void statementsNestedThousandsOfLevelsDeepAreRefusedAsMalformed() {
        String table = "\"" + items + "\"";
        String parentheses = "SELECT * FROM " + table + " WHERE " + "(".repeat(4000) + "pk = 'x'" + ")".repeat(4000);
        String lists = "SELECT * FROM " + table + " WHERE pk = " + "[".repeat(4000) + "1" + "]".repeat(4000);
        String nots = "SELECT * FROM " + table + " WHERE pk = 'x' AND " + "NOT ".repeat(1900) + "v = 1";

        for (String statement : List.of(parentheses, lists, nots)) {
            assertValidationError("Statement wasn't well formed, can't be processed: Statement nests more than 256 levels deep",
                    () -> execute(statement));
        }
    }

    @Test
    void theCliRunsAStatement(ModynServer server) {
        String id = unique();
        execute("INSERT INTO \"" + items + "\" VALUE {'pk': ?, 'v': 'from the sdk', 'tags': <<'t'>>}", s(id));
        AwsCli aws = AwsCli.required(server, "partiql");

        JsonObject result = aws.run("dynamodb", "execute-statement",
                "--statement", "SELECT v, tags FROM \"" + items + "\" WHERE pk = ?",
                "--parameters", "[{\"S\":\"" + id + "\"}]");

        List<JsonObject> rows = result.getJsonArray("Items").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(1, rows.size());
        assertEquals("from the sdk", rows.get(0).getJsonObject("v").getString("S"));
        assertEquals("t", rows.get(0).getJsonObject("tags").getJsonArray("SS").getString(0));
    }

    private static ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
        return dynamo.executeStatement(r -> r.statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static BatchStatementRequest statement(String statement, AttributeValue... parameters) {
        return BatchStatementRequest.builder().statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)).build();
    }

    private static ParameterizedStatement transactional(String statement, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)).build();
    }

    private static Map<String, AttributeValue> withoutSets(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new java.util.LinkedHashMap<>(item);
        copy.remove("tags");
        copy.remove("nums");
        return copy;
    }

    private static String unique() {
        return "pq-" + UUID.randomUUID();
    }
}
