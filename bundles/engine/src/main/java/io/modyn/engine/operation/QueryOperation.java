package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageKey;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ReadAccess;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.KeyAttributeRules;
import io.modyn.engine.index.IndexKeyCondition;
import io.modyn.engine.index.IndexKeyConditions;
import io.modyn.engine.index.IndexPage;
import io.modyn.engine.index.IndexReadPlan;
import io.modyn.engine.index.IndexReads;
import io.modyn.engine.index.IndexStartKeys;
import io.modyn.engine.index.RequestedAttributes;
import io.modyn.engine.index.TableIndex;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.query.KeyCondition;
import io.modyn.engine.query.KeyConditionExpressions;
import io.modyn.engine.query.LegacyKeyConditions;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Query: one partition's sort-key range, read in order from storage, one page at a time; of the
 * table, or of one of its secondary indexes (IndexName).
 */
public final class QueryOperation {

    public QueryResponse execute(QueryRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        checkReworded(request);
        v.oneOf("select", request.select(), Enums.SELECT);
        v.sizeAtLeast("attributesToGet", request.attributesToGet(), 1);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.noNullValues("keyConditions", request.keyConditions());
        v.noNullValues("queryFilter", request.queryFilter());
        v.noNullValues("exclusiveStartKey", request.exclusiveStartKey());
        v.noNullElements("attributesToGet", request.attributesToGet());
        v.noNullValues("expressionAttributeNames", request.expressionAttributeNames());
        v.noNullValues("expressionAttributeValues", request.expressionAttributeValues());
        v.tableName("indexName", request.indexName());
        v.throwIfAny();
        // KeyConditions only excludes KeyConditionExpression: DynamoDB accepts it with a FilterExpression
        // or a ProjectionExpression, so it is checked apart from the other legacy members.
        WriteConditions.checkNotMixed(named("KeyConditions", request.keyConditions()),
                named("KeyConditionExpression", request.keyConditionExpression()));
        WriteConditions.checkNotMixed(
                named("AttributesToGet", request.attributesToGet(), "QueryFilter", request.queryFilter(),
                        "ConditionalOperator", request.conditionalOperator()),
                named("ProjectionExpression", request.projectionExpression(), "FilterExpression", request.filterExpression(),
                        "KeyConditionExpression", request.keyConditionExpression()));
        if (request.keyConditionExpression() == null && request.keyConditions() == null) {
            throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        WriteConditions.checkAttributeMapsNeedExpressions(request.expressionAttributeNames(), request.expressionAttributeValues(),
                named("FilterExpression", request.filterExpression(), "KeyConditionExpression", request.keyConditionExpression()),
                named("ProjectionExpression", request.projectionExpression(), "FilterExpression", request.filterExpression(),
                        "KeyConditionExpression", request.keyConditionExpression()));
        if (request.conditionalOperator() != null && request.queryFilter() == null) {
            throw DynamoException.validation("ConditionalOperator can only be used when Expected or QueryFilter or ScanFilter is present");
        }

        TableDefinition table = access.requireTable(bound, "dynamodb:Query", request.tableName());
        ExpressionAttributes attributes = new ExpressionAttributes(request.expressionAttributeNames(), request.expressionAttributeValues());
        if (request.indexName() != null) {
            return queryIndex(request, bound, IndexReads.resolve(bound, table, request.indexName(), request.consistentRead()), attributes, access);
        }
        KeyCondition condition = request.keyConditionExpression() != null
                ? KeyConditionExpressions.parse(request.keyConditionExpression(), table, attributes)
                : LegacyKeyConditions.parse(request.keyConditions(), table);
        ItemCondition filter = ReadFilters.compile(request.filterExpression(), request.queryFilter(), request.conditionalOperator(),
                "QueryFilter", attributes);
        ReadSelection selection = ReadSelection.of(request.select(), request.projectionExpression(), request.attributesToGet(),
                request.indexName(), attributes);
        attributes.checkAllUsed();
        KeyAttributeRules.requireScalarKeys(selection.nestedAttributes(), table);
        if (filter != null) {
            KeyAttributeRules.requireNonKeyFilter(filter.attributes(), table,
                    request.filterExpression() != null ? "Filter Expression" : "QueryFilter");
        }
        if (filter != null) KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), table);

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
        access.require(arns -> ReadAccess.query(arns, request, table, null, List.of(condition.partitionValue()), filter));
        Page page;
        if (table.sortKeyName() == null && request.exclusiveStartKey() != null) {
            page = Page.empty(); // a partition of a simple-key table holds one item, already returned
        } else {
            try (RecordCursor cursor = bound.storage().query(TableCatalog.dataKeyspace(table), condition.partition(), range, !forward)) {
                page = Page.read(cursor, request.limit(), table, filter, selection);
            }
        }
        double units = CapacityUnits.read(page.scannedBytes, Boolean.TRUE.equals(request.consistentRead()));
        return new QueryResponse(selection.countOnly() ? null : page.items, page.count, page.scannedCount, page.lastEvaluatedKey,
                CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), units));
    }

    /**
     * A Query of a secondary index: the same checks as a table's, against the index's key schema,
     * plus what the index projects; entries are read from the index's keyspace, and a local index
     * completes them from the table when the request asks for more than it projects.
     */
    private static QueryResponse queryIndex(QueryRequest request, StorageBinding.Bound bound, TableIndex index, ExpressionAttributes attributes,
            AccessCheck access) {
        TableDefinition table = index.table();
        TableDefinition keyTable = index.asKeyTable();
        IndexKeyCondition condition = IndexKeyConditions.parse(request.keyConditionExpression(), request.keyConditions(), index, attributes);
        ItemCondition filter = ReadFilters.compile(request.filterExpression(), request.queryFilter(), request.conditionalOperator(),
                "QueryFilter", attributes);
        ReadSelection selection = ReadSelection.of(request.select(), request.projectionExpression(), request.attributesToGet(),
                request.indexName(), attributes);
        Set<String> requested = RequestedAttributes.of(request.projectionExpression(), request.attributesToGet(), attributes);
        attributes.checkAllUsed();
        KeyAttributeRules.requireScalarKeys(selection.nestedAttributes(), table);
        KeyAttributeRules.requireScalarKeys(selection.nestedAttributes(), keyTable);
        if (filter != null) {
            KeyAttributeRules.requireNonKeyFilter(filter.attributes(), keyTable,
                    request.filterExpression() != null ? "Filter Expression" : "QueryFilter");
            KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), table);
            KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), keyTable);
        }
        IndexReadPlan plan = IndexReadPlan.of(index, request.select(), requested, filter == null ? Set.of() : filter.attributes());

        boolean forward = !Boolean.FALSE.equals(request.scanIndexForward());
        KeyRange range = condition.sortRange();
        if (request.exclusiveStartKey() != null) {
            StorageKey start = IndexStartKeys.of(index, request.exclusiveStartKey());
            if (!Arrays.equals(start.partition(), condition.partition()) || !range.contains(start.sort())) {
                throw DynamoException.validation("The provided starting key does not match the range key predicate");
            }
            range = forward ? range.after(start.sort()) : range.before(start.sort());
        }
        access.require(arns -> ReadAccess.query(arns, request, table, index, condition.partitionValues(), filter));
        IndexPage page;
        try (RecordCursor cursor = bound.storage().query(index.keyspace(), condition.partition(), range, !forward)) {
            page = IndexPage.read(cursor, request.limit(), index, filter, plan.fetchFromTable() ? IndexReads.tableItems(bound, index) : null,
                    selection.countOnly() ? null : item -> selection.apply(plan.shape(item)));
        }
        boolean consistent = Boolean.TRUE.equals(request.consistentRead());
        return new QueryResponse(selection.countOnly() ? null : page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
                CapacityUnits.reportIndexRead(request.returnConsumedCapacity(), index, CapacityUnits.read(page.scannedBytes(), consistent),
                        CapacityUnits.readEach(page.fetchedItemSizes(), consistent)));
    }

    /**
     * The members DynamoDB's 2026 validation framework checks for Query, each answered alone in
     * its newer wording before the rest of the request is looked at (us-east-1 and eu-west-2,
     * October 2026): a Limit below one names the member, and a ConditionalOperator outside its
     * enum is reported bare, with the enum as DynamoDB prints it.
     */
    private static void checkReworded(QueryRequest request) {
        if (request.limit() != null && request.limit() < 1) {
            throw DynamoException.validation("1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        if (request.conditionalOperator() != null && !Enums.CONDITIONAL_OPERATOR.contains(request.conditionalOperator())) {
            throw DynamoException.validation("Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
        }
    }
}
