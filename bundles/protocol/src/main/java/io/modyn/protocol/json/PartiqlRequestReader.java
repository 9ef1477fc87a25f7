package io.modyn.protocol.json;

import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ParameterizedStatement;
import io.modyn.api.model.AttributeValue;
import io.modyn.protocol.json.JsonInput.Placement;
import java.util.List;

/**
 * Reads the PartiQL requests: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction.
 * Statements keep request order, which is the order of the responses and of CancellationReasons.
 */
public final class PartiqlRequestReader {

    private PartiqlRequestReader() {
    }

    public static ExecuteStatementRequest executeStatement(JsonInput in) {
        String statement = null;
        List<AttributeValue> parameters = null;
        Boolean consistentRead = null;
        String nextToken = null;
        String returnConsumedCapacity = null;
        Integer limit = null;
        String returnValuesOnConditionCheckFailure = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Statement" -> statement = in.readString();
                case "Parameters" -> parameters = AttributeValueReader.readList(in);
                case "ConsistentRead" -> consistentRead = in.readBoolean();
                case "NextToken" -> nextToken = in.readString();
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                case "Limit" -> limit = in.readInteger();
                case "ReturnValuesOnConditionCheckFailure" -> returnValuesOnConditionCheckFailure = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ExecuteStatementRequest(statement, parameters, consistentRead, nextToken, returnConsumedCapacity, limit,
                returnValuesOnConditionCheckFailure);
    }

    public static BatchExecuteStatementRequest batchExecuteStatement(JsonInput in) {
        List<BatchStatementRequest> statements = null;
        String returnConsumedCapacity = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Statements" -> statements = in.readList(() -> readBatchStatement(in));
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new BatchExecuteStatementRequest(statements, returnConsumedCapacity);
    }

    public static ExecuteTransactionRequest executeTransaction(JsonInput in) {
        List<ParameterizedStatement> statements = null;
        String clientRequestToken = null;
        String returnConsumedCapacity = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "TransactStatements" -> statements = in.readList(() -> readParameterizedStatement(in));
                case "ClientRequestToken" -> clientRequestToken = in.readString();
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                default -> in.skipValue();
            }
        }
        in.endRequest();
        return new ExecuteTransactionRequest(statements, clientRequestToken, returnConsumedCapacity);
    }

    private static BatchStatementRequest readBatchStatement(JsonInput in) {
        if (!in.beginStruct("BatchStatementRequest", Placement.ELEMENT)) {
            return null;
        }
        String statement = null;
        List<AttributeValue> parameters = null;
        Boolean consistentRead = null;
        String returnValuesOnConditionCheckFailure = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Statement" -> statement = in.readString();
                case "Parameters" -> parameters = AttributeValueReader.readList(in);
                case "ConsistentRead" -> consistentRead = in.readBoolean();
                case "ReturnValuesOnConditionCheckFailure" -> returnValuesOnConditionCheckFailure = in.readString();
                default -> in.skipValue();
            }
        }
        return new BatchStatementRequest(statement, parameters, consistentRead, returnValuesOnConditionCheckFailure);
    }

    private static ParameterizedStatement readParameterizedStatement(JsonInput in) {
        if (!in.beginStruct("ParameterizedStatement", Placement.ELEMENT)) {
            return null;
        }
        String statement = null;
        List<AttributeValue> parameters = null;
        String returnValuesOnConditionCheckFailure = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Statement" -> statement = in.readString();
                case "Parameters" -> parameters = AttributeValueReader.readList(in);
                case "ReturnValuesOnConditionCheckFailure" -> returnValuesOnConditionCheckFailure = in.readString();
                default -> in.skipValue();
            }
        }
        return new ParameterizedStatement(statement, parameters, returnValuesOnConditionCheckFailure);
    }
}
