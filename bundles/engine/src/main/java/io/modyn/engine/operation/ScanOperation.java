package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.PartitionToken;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageKey;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ReadAccess;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.KeyAttributeRules;
import io.modyn.engine.index.IndexPage;
import io.modyn.engine.index.IndexReadPlan;
import io.modyn.engine.index.IndexReads;
import io.modyn.engine.index.IndexStartKeys;
import io.modyn.engine.index.RequestedAttributes;
import io.modyn.engine.index.TableIndex;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.Set;

/**
 * Scan: the table (or one of its secondary indexes) in storage order (partition token, then key),
 * or one segment of it for a parallel scan. A segment is a contiguous token range, so each costs
 * only its share.
 */
public final class ScanOperation {

    private static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    public ScanResponse execute(ScanRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = RequestRules.tableName(request.tableName());
        v.atLeast("limit", request.limit(), 1);
        v.oneOf("select", request.select(), Enums.SELECT);
        v.oneOf("conditionalOperator", request.conditionalOperator(), Enums.CONDITIONAL_OPERATOR);
        v.sizeAtLeast("attributesToGet", request.attributesToGet(), 1);
        v.atLeast("segment", request.segment(), 0);
        v.atMost("segment", request.segment(), MAX_TOTAL_SEGMENTS - 1);
        v.atLeast("totalSegments", request.totalSegments(), 1);
        v.atMost("totalSegments", request.totalSegments(), MAX_TOTAL_SEGMENTS);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.noNullValues("scanFilter", request.scanFilter());
        v.noNullValues("exclusiveStartKey", request.exclusiveStartKey());
        v.noNullElements("attributesToGet", request.attributesToGet());
        v.noNullValues("expressionAttributeNames", request.expressionAttributeNames());
        v.noNullValues("expressionAttributeValues", request.expressionAttributeValues());
        v.tableName("indexName", request.indexName());
        v.throwIfAny();
        if (request.segment() != null && request.totalSegments() == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (request.totalSegments() != null && request.segment() == null) {
            throw DynamoException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (request.segment() != null && request.segment() >= request.totalSegments()) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + request.segment() + " is not less than TotalSegments: " + request.totalSegments());
        }
        WriteConditions.checkNotMixed(
                named("AttributesToGet", request.attributesToGet(), "ScanFilter", request.scanFilter(),
                        "ConditionalOperator", request.conditionalOperator()),
                named("ProjectionExpression", request.projectionExpression(), "FilterExpression", request.filterExpression()));
        WriteConditions.checkAttributeMapsNeedExpressions(request.expressionAttributeNames(), request.expressionAttributeValues(),
                named("FilterExpression", request.filterExpression()),
                named("ProjectionExpression", request.projectionExpression(), "FilterExpression", request.filterExpression()));
        if (request.conditionalOperator() != null && request.scanFilter() == null) {
            throw DynamoException.validation("ConditionalOperator can only be used when Expected or QueryFilter or ScanFilter is present");
        }

        TableDefinition table = access.requireTable(bound, "dynamodb:Scan", request.tableName());
        ExpressionAttributes attributes = new ExpressionAttributes(request.expressionAttributeNames(), request.expressionAttributeValues());
        if (request.indexName() != null) {
            return scanIndex(request, bound, IndexReads.resolve(bound, table, request.indexName(), request.consistentRead()), attributes, access);
        }
        ItemCondition filter = ReadFilters.compile(request.filterExpression(), request.scanFilter(), request.conditionalOperator(),
                "ScanFilter", attributes);
        ReadSelection selection = ReadSelection.of(request.select(), request.projectionExpression(), request.attributesToGet(),
                request.indexName(), attributes);
        attributes.checkAllUsed();
        KeyAttributeRules.requireScalarKeys(selection.nestedAttributes(), table);
        if (filter != null) KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), table);

        int segment = request.segment() == null ? 0 : request.segment();
        int totalSegments = request.totalSegments() == null ? 1 : request.totalSegments();
        StorageKey start = null;
        if (request.exclusiveStartKey() != null) {
            PrimaryKey key = KeySchemaRules.ofKey(table, request.exclusiveStartKey(), "The provided starting key is invalid: ");
            start = new StorageKey(key.partition(), key.sort());
            if (PartitionToken.segmentOf(start.token(), totalSegments) != segment) {
                throw DynamoException.validation("The provided Exclusive start key does not map to the provided Segment: TotalSegments: "
                        + totalSegments + " Segment: " + segment);
            }
        }
        access.require(arns -> ReadAccess.scan(arns, request, table, null, filter));
        Page page;
        try (RecordCursor cursor = bound.storage().scan(TableCatalog.dataKeyspace(table), segment, totalSegments, start)) {
            page = Page.read(cursor, request.limit(), table, filter, selection);
        }
        double units = CapacityUnits.read(page.scannedBytes, Boolean.TRUE.equals(request.consistentRead()));
        return new ScanResponse(selection.countOnly() ? null : page.items, page.count, page.scannedCount, page.lastEvaluatedKey,
                CapacityUnits.report(request.returnConsumedCapacity(), table.tableName(), units));
    }

    /**
     * A Scan of a secondary index: its keyspace in storage order (partition token of the index
     * key), or one segment of it; a local index completes entries from the table when the request
     * asks for more than it projects.
     */
    private static ScanResponse scanIndex(ScanRequest request, StorageBinding.Bound bound, TableIndex index, ExpressionAttributes attributes,
            AccessCheck access) {
        TableDefinition table = index.table();
        TableDefinition keyTable = index.asKeyTable();
        ItemCondition filter = ReadFilters.compile(request.filterExpression(), request.scanFilter(), request.conditionalOperator(),
                "ScanFilter", attributes);
        ReadSelection selection = ReadSelection.of(request.select(), request.projectionExpression(), request.attributesToGet(),
                request.indexName(), attributes);
        Set<String> requested = RequestedAttributes.of(request.projectionExpression(), request.attributesToGet(), attributes);
        attributes.checkAllUsed();
        KeyAttributeRules.requireScalarKeys(selection.nestedAttributes(), table);
        KeyAttributeRules.requireScalarKeys(selection.nestedAttributes(), keyTable);
        if (filter != null) {
            KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), table);
            KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), keyTable);
        }
        IndexReadPlan plan = IndexReadPlan.of(index, request.select(), requested, filter == null ? Set.of() : filter.attributes());

        int segment = request.segment() == null ? 0 : request.segment();
        int totalSegments = request.totalSegments() == null ? 1 : request.totalSegments();
        StorageKey start = null;
        if (request.exclusiveStartKey() != null) {
            start = IndexStartKeys.of(index, request.exclusiveStartKey());
            if (PartitionToken.segmentOf(start.token(), totalSegments) != segment) {
                throw DynamoException.validation("The provided Exclusive start key does not map to the provided Segment: TotalSegments: "
                        + totalSegments + " Segment: " + segment);
            }
        }
        access.require(arns -> ReadAccess.scan(arns, request, table, index, filter));
        IndexPage page;
        try (RecordCursor cursor = bound.storage().scan(index.keyspace(), segment, totalSegments, start)) {
            page = IndexPage.read(cursor, request.limit(), index, filter, plan.fetchFromTable() ? IndexReads.tableItems(bound, index) : null,
                    selection.countOnly() ? null : item -> selection.apply(plan.shape(item)));
        }
        boolean consistent = Boolean.TRUE.equals(request.consistentRead());
        return new ScanResponse(selection.countOnly() ? null : page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
                CapacityUnits.reportIndexRead(request.returnConsumedCapacity(), index, CapacityUnits.read(page.scannedBytes(), consistent),
                        CapacityUnits.readEach(page.fetchedItemSizes(), consistent)));
    }
}
