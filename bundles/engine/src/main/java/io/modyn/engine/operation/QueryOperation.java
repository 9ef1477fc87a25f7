package io.modyn.engine.operation;

import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.query.KeyCondition;
import io.modyn.engine.query.KeyConditionExpressions;
import io.modyn.engine.query.LegacyKeyConditions;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.Arrays;

/** Query: one partition's sort-key range, read in order from storage, one page at a time. */
public final class QueryOperation {

    public QueryResponse execute(QueryRequest request, StorageBinding.Bound bound) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        v.atLeast("limit", request.limit(), 1);
        v.oneOf("select", request.select(), Enums.SELECT);
        v.oneOf("conditionalOperator", request.conditionalOperator(), Enums.CONDITIONAL_OPERATOR);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.throwIfAny();
        RequestRules.notYetSupported(request.indexName(), "IndexName");
        RequestRules.notYetSupported(request.filterExpression(), "FilterExpression");
        RequestRules.notYetSupported(request.queryFilter(), "QueryFilter");
        RequestRules.notYetSupported(request.projectionExpression(), "ProjectionExpression");
        RequestRules.notYetSupported(request.attributesToGet(), "AttributesToGet");
        boolean countOnly = Selects.countOnly(request.select());

        if (request.keyConditionExpression() != null && request.keyConditions() != null) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}");
        }
        if (request.keyConditionExpression() == null && request.keyConditions() == null) {
            throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        if (request.keyConditions() != null && (request.expressionAttributeNames() != null || request.expressionAttributeValues() != null)) {
            throw DynamoException.validation("ExpressionAttributeNames and ExpressionAttributeValues can only be specified when using expressions");
        }

        TableDefinition table = bound.catalog().require(request.tableName());
        KeyCondition condition;
        if (request.keyConditionExpression() != null) {
            ExpressionAttributes attributes = new ExpressionAttributes(request.expressionAttributeNames(), request.expressionAttributeValues());
            condition = KeyConditionExpressions.parse(request.keyConditionExpression(), table, attributes);
            attributes.checkAllUsed();
        } else {
            condition = LegacyKeyConditions.parse(request.keyConditions(), table);
        }

        boolean forward = !Boolean.FALSE.equals(request.scanIndexForward());
        KeyRange range = condition.sortRange();
        if (request.exclusiveStartKey() != null) {
            PrimaryKey start = KeySchemaRules.ofKey(table, request.exclusiveStartKey(), "The provided starting key is invalid: ");
            if (!Arrays.equals(start.partition(), condition.partition())
                    || (table.sortKeyName() != null && !range.contains(start.sort()))) {
                throw DynamoException.validation("The provided starting key does not match the range key predicate");
            }
            range = forward ? range.after(start.sort()) : range.before(start.sort());
        }
        Page page;
        if (table.sortKeyName() == null && request.exclusiveStartKey() != null) {
            page = new Page(); // a simple-key partition holds one item, already returned
        } else {
            try (RecordCursor cursor = bound.storage().query(TableCatalog.dataKeyspace(table), condition.partition(), range, !forward)) {
                page = Page.read(cursor, request.limit(), table);
            }
        }
        boolean consistent = Boolean.TRUE.equals(request.consistentRead());
        double units = CapacityUnits.read(page.scannedBytes, consistent);
        return new QueryResponse(countOnly ? null : page.items, page.items.size(), page.items.size(), page.lastEvaluatedKey,
                CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), units));
    }
}
