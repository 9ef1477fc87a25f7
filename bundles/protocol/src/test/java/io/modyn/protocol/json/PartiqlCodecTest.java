package io.modyn.protocol.json;

import static io.modyn.protocol.json.CodecFixture.read;
import static io.modyn.protocol.json.CodecFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.BatchStatementError;
import io.modyn.api.dynamodb.BatchStatementRequest;
import io.modyn.api.dynamodb.BatchStatementResponse;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ExecuteTransactionResponse;
import io.modyn.api.dynamodb.ParameterizedStatement;
import io.modyn.api.model.AttributeValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PartiQL requests read from JSON and their responses written, member by member. */
class PartiqlCodecTest {

    @Test
    void executeStatementReadsEveryMember() {
        ExecuteStatementRequest request = read(PartiqlRequestReader::executeStatement, """
                {"Statement":"SELECT * FROM t WHERE pk = ?","Parameters":[{"S":"a"}],"ConsistentRead":true,"NextToken":"tok",
                 "ReturnConsumedCapacity":"TOTAL","Limit":5,"ReturnValuesOnConditionCheckFailure":"ALL_OLD","Other":1}
                """);
        assertEquals(new ExecuteStatementRequest("SELECT * FROM t WHERE pk = ?", List.of(AttributeValue.s("a")), true, "tok", "TOTAL", 5,
                "ALL_OLD"), request);
    }

    @Test
    void batchAndTransactionReadTheirStatementsInOrder() {
        BatchExecuteStatementRequest batch = read(PartiqlRequestReader::batchExecuteStatement, """
                {"Statements":[{"Statement":"s1","Parameters":[{"N":"1"}],"ConsistentRead":true},null,{"Statement":"s2"}],
                 "ReturnConsumedCapacity":"INDEXES"}
                """);
        assertEquals(new BatchExecuteStatementRequest(Arrays.asList(
                new BatchStatementRequest("s1", List.of(AttributeValue.n(1)), true, null), null,
                new BatchStatementRequest("s2", null, null, null)), "INDEXES"), batch);

        ExecuteTransactionRequest transaction = read(PartiqlRequestReader::executeTransaction, """
                {"TransactStatements":[{"Statement":"s1","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}],
                 "ClientRequestToken":"t-1","ReturnConsumedCapacity":"TOTAL"}
                """);
        assertEquals(new ExecuteTransactionRequest(List.of(new ParameterizedStatement("s1", null, "ALL_OLD")), "t-1", "TOTAL"), transaction);
    }

    @Test
    void executeStatementAlwaysWritesItems() {
        assertEquals("{\"Items\":[]}", write(PartiqlResponseWriter::executeStatement, new ExecuteStatementResponse(List.of(), null, null, null)));
        assertEquals("{\"Items\":[{\"pk\":{\"S\":\"a\"}}],\"NextToken\":\"n\",\"ConsumedCapacity\":{\"TableName\":\"t\",\"CapacityUnits\":0.5},"
                        + "\"LastEvaluatedKey\":{\"pk\":{\"S\":\"a\"}}}",
                write(PartiqlResponseWriter::executeStatement, new ExecuteStatementResponse(List.of(Map.of("pk", AttributeValue.s("a"))), "n",
                        new ConsumedCapacity("t", 0.5, null, null, null, null, null), Map.of("pk", AttributeValue.s("a")))));
    }

    @Test
    void batchWritesAnErrorOrAnItemPerStatement() {
        BatchExecuteStatementResponse response = new BatchExecuteStatementResponse(List.of(
                new BatchStatementResponse(new BatchStatementError("DuplicateItem", "Duplicate primary key exists in table", null), "t", null),
                new BatchStatementResponse(null, "t", Map.of("pk", AttributeValue.s("a"))),
                new BatchStatementResponse(null, "t", null)), null);
        assertEquals("{\"Responses\":[{\"Error\":{\"Code\":\"DuplicateItem\",\"Message\":\"Duplicate primary key exists in table\"},"
                        + "\"TableName\":\"t\"},{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}},{\"TableName\":\"t\"}]}",
                write(PartiqlResponseWriter::batchExecuteStatement, response));
    }

    @Test
    void transactionWritesResponsesOnlyForReads() {
        assertEquals("{}", write(PartiqlResponseWriter::executeTransaction, new ExecuteTransactionResponse(null, null)));
        assertEquals("{\"Responses\":[{\"Item\":{\"pk\":{\"S\":\"a\"}}},{}]}", write(PartiqlResponseWriter::executeTransaction,
                new ExecuteTransactionResponse(Arrays.asList(Map.of("pk", AttributeValue.s("a")), null), null)));
    }
}
