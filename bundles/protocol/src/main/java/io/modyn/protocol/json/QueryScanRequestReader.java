package io.modyn.protocol.json;

import io.modyn.api.dynamodb.Condition;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Reads the multi-item reads: Query and Scan. */
public final class QueryScanRequestReader {

    private QueryScanRequestReader() {
    }

    public static QueryRequest query(JsonInput in) {
        ReadMembers common = new ReadMembers();
        Map<String, Condition> keyConditions = null;
        Map<String, Condition> queryFilter = null;
        Boolean scanIndexForward = null;
        String keyConditionExpression = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "KeyConditions" -> keyConditions = ConditionReader.readConditions(in);
                case "QueryFilter" -> queryFilter = ConditionReader.readConditions(in);
                case "ScanIndexForward" -> scanIndexForward = in.readBoolean();
                case "KeyConditionExpression" -> keyConditionExpression = in.readString();
                default -> common.readMember(in);
            }
        }
        in.endRequest();
        return new QueryRequest(common.tableName, common.indexName, common.select, common.attributesToGet, common.limit,
                common.consistentRead, keyConditions, queryFilter, common.conditionalOperator, scanIndexForward,
                common.exclusiveStartKey, common.returnConsumedCapacity, common.projectionExpression,
                common.filterExpression, keyConditionExpression, common.expressionAttributeNames,
                common.expressionAttributeValues);
    }

    public static ScanRequest scan(JsonInput in) {
        ReadMembers common = new ReadMembers();
        Map<String, Condition> scanFilter = null;
        Integer totalSegments = null;
        Integer segment = null;
        in.beginRequest();
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "ScanFilter" -> scanFilter = ConditionReader.readConditions(in);
                case "TotalSegments" -> totalSegments = in.readInteger();
                case "Segment" -> segment = in.readInteger();
                default -> common.readMember(in);
            }
        }
        in.endRequest();
        return new ScanRequest(common.tableName, common.indexName, common.attributesToGet, common.limit, common.select,
                scanFilter, common.conditionalOperator, common.exclusiveStartKey, common.returnConsumedCapacity,
                totalSegments, segment, common.projectionExpression, common.filterExpression,
                common.expressionAttributeNames, common.expressionAttributeValues, common.consistentRead);
    }

    /** The members Query and Scan share. */
    private static final class ReadMembers {
        String tableName;
        String indexName;
        String select;
        List<String> attributesToGet;
        Integer limit;
        Boolean consistentRead;
        String conditionalOperator;
        Map<String, AttributeValue> exclusiveStartKey;
        String returnConsumedCapacity;
        String projectionExpression;
        String filterExpression;
        Map<String, String> expressionAttributeNames;
        Map<String, AttributeValue> expressionAttributeValues;

        void readMember(JsonInput in) {
            switch (in.memberName()) {
                case "TableName" -> tableName = in.readString();
                case "IndexName" -> indexName = in.readString();
                case "Select" -> select = in.readString();
                case "AttributesToGet" -> attributesToGet = in.readStringList();
                case "Limit" -> limit = in.readInteger();
                case "ConsistentRead" -> consistentRead = in.readBoolean();
                case "ConditionalOperator" -> conditionalOperator = in.readString();
                case "ExclusiveStartKey" -> exclusiveStartKey = AttributeValueReader.readMap(in);
                case "ReturnConsumedCapacity" -> returnConsumedCapacity = in.readString();
                case "ProjectionExpression" -> projectionExpression = in.readString();
                case "FilterExpression" -> filterExpression = in.readString();
                case "ExpressionAttributeNames" -> expressionAttributeNames = in.readStringMap();
                case "ExpressionAttributeValues" -> expressionAttributeValues = AttributeValueReader.readMap(in);
                default -> in.skipValue();
            }
        }
    }
}
