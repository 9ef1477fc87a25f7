package io.modyn.engine.metrics;

import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyResponse;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DeleteTableResponse;
import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.DescribeLimitsResponse;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveResponse;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ExecuteTransactionResponse;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.GetResourcePolicyResponse;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.ListTablesResponse;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceResponse;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyResponse;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateItemResponse;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveResponse;
import io.modyn.api.metrics.RequestMetrics;
import io.modyn.api.model.DynamoException;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The engine as registered: every call goes to the {@link DynamoDbService} it wraps and, while a
 * {@link RequestMetrics} is bound, its outcome is reported there (latency, the error answered,
 * items returned, and through {@link CapacityMeter} the capacity consumed). One place for all of
 * it, so no operation knows about metrics beyond handing over its capacity figures.
 *
 * <p>Without metrics bound a call costs one volatile read. The calls are passed as unbound method
 * references ({@code DynamoDbService::putItem}), which capture nothing and so are allocated once.
 */
public final class MeteredDynamoDbService implements DynamoDbService {

    private static final ToIntFunction<QueryResponse> QUERY_ITEMS = QueryResponse::count;
    private static final ToIntFunction<ScanResponse> SCAN_ITEMS = ScanResponse::count;
    private static final ToIntFunction<ExecuteStatementResponse> STATEMENT_ITEMS =
            response -> response.items() == null ? 0 : response.items().size();

    private final DynamoDbService engine;
    private final MetricsBinding metrics;

    public MeteredDynamoDbService(DynamoDbService engine, MetricsBinding metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @FunctionalInterface
    private interface Call<Q, R> {
        R run(DynamoDbService service, Q request, RequestContext context);
    }

    @Override
    public boolean ready() {
        return engine.ready();
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request, RequestContext context) {
        return meter("CreateTable", CreateTableRequest::tableName, DynamoDbService::createTable, request, context, null);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request, RequestContext context) {
        return meter("DescribeTable", DescribeTableRequest::tableName, DynamoDbService::describeTable, request, context, null);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request, RequestContext context) {
        return meter("ListTables", TableNames::none, DynamoDbService::listTables, request, context, null);
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request, RequestContext context) {
        return meter("UpdateTable", UpdateTableRequest::tableName, DynamoDbService::updateTable, request, context, null);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request, RequestContext context) {
        return meter("DeleteTable", DeleteTableRequest::tableName, DynamoDbService::deleteTable, request, context, null);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request, RequestContext context) {
        return meter("PutItem", PutItemRequest::tableName, DynamoDbService::putItem, request, context, null);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request, RequestContext context) {
        return meter("GetItem", GetItemRequest::tableName, DynamoDbService::getItem, request, context, null);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request, RequestContext context) {
        return meter("DeleteItem", DeleteItemRequest::tableName, DynamoDbService::deleteItem, request, context, null);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request, RequestContext context) {
        return meter("UpdateItem", UpdateItemRequest::tableName, DynamoDbService::updateItem, request, context, null);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request, RequestContext context) {
        return meter("BatchGetItem", TableNames::of, DynamoDbService::batchGetItem, request, context, null);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request, RequestContext context) {
        return meter("BatchWriteItem", TableNames::of, DynamoDbService::batchWriteItem, request, context, null);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request, RequestContext context) {
        return meter("TransactWriteItems", TableNames::of, DynamoDbService::transactWriteItems, request, context, null);
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request, RequestContext context) {
        return meter("TransactGetItems", TableNames::of, DynamoDbService::transactGetItems, request, context, null);
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request, RequestContext context) {
        return meter("UpdateTimeToLive", UpdateTimeToLiveRequest::tableName, DynamoDbService::updateTimeToLive, request, context, null);
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request, RequestContext context) {
        return meter("DescribeTimeToLive", DescribeTimeToLiveRequest::tableName, DynamoDbService::describeTimeToLive, request, context,
                null);
    }

    @Override
    public void tagResource(TagResourceRequest request, RequestContext context) {
        meter("TagResource", TableNames::none, (service, r, c) -> {
            service.tagResource(r, c);
            return null;
        }, request, context, null);
    }

    @Override
    public void untagResource(UntagResourceRequest request, RequestContext context) {
        meter("UntagResource", TableNames::none, (service, r, c) -> {
            service.untagResource(r, c);
            return null;
        }, request, context, null);
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request, RequestContext context) {
        return meter("ListTagsOfResource", TableNames::none, DynamoDbService::listTagsOfResource, request, context, null);
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request, RequestContext context) {
        return meter("PutResourcePolicy", TableNames::none, DynamoDbService::putResourcePolicy, request, context, null);
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request, RequestContext context) {
        return meter("GetResourcePolicy", TableNames::none, DynamoDbService::getResourcePolicy, request, context, null);
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request, RequestContext context) {
        return meter("DeleteResourcePolicy", TableNames::none, DynamoDbService::deleteResourcePolicy, request, context, null);
    }

    @Override
    public DescribeLimitsResponse describeLimits(RequestContext context) {
        return meter("DescribeLimits", TableNames::none, (service, r, c) -> service.describeLimits(c), null, context, null);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(RequestContext context) {
        return meter("DescribeEndpoints", TableNames::none, (service, r, c) -> service.describeEndpoints(c), null, context, null);
    }

    @Override
    public QueryResponse query(QueryRequest request, RequestContext context) {
        return meter("Query", QueryRequest::tableName, DynamoDbService::query, request, context, QUERY_ITEMS);
    }

    @Override
    public ScanResponse scan(ScanRequest request, RequestContext context) {
        return meter("Scan", ScanRequest::tableName, DynamoDbService::scan, request, context, SCAN_ITEMS);
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request, RequestContext context) {
        return meter("ExecuteStatement", TableNames::none, DynamoDbService::executeStatement, request, context,
                TableNames.isSelect(request.statement()) ? STATEMENT_ITEMS : null);
    }

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request, RequestContext context) {
        return meter("BatchExecuteStatement", TableNames::none, DynamoDbService::batchExecuteStatement, request, context, null);
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request, RequestContext context) {
        return meter("ExecuteTransaction", TableNames::none, DynamoDbService::executeTransaction, request, context, null);
    }

    /**
     * Runs one call and reports it. Success is reported once per table the call consumed capacity
     * on (a batch's or transaction's tables, a statement's table), else for the table the request
     * names; a failure once, for the one table the request names, else for none.
     *
     * @param tableOf the one table the request names, or null (several, none, or inside a statement)
     * @param returnedItems the items a response returned, for the operations DynamoDB counts them for; else null
     */
    private <Q, R> R meter(String operation, Function<Q, String> tableOf, Call<Q, R> call, Q request, RequestContext context,
            ToIntFunction<R> returnedItems) {
        RequestMetrics bound = metrics.current();
        if (bound == null) return call.run(engine, request, context);
        CapacityMeter meter = CapacityMeter.start(bound);
        long start = System.nanoTime();
        try {
            R response = call.run(engine, request, context);
            long latency = System.nanoTime() - start;
            List<String> tables = meter.tables();
            if (tables.isEmpty()) {
                String table = request == null ? null : tableOf.apply(request);
                bound.succeeded(operation, table, latency);
                if (returnedItems != null) bound.itemsReturned(operation, table, returnedItems.applyAsInt(response));
            } else {
                for (int i = 0; i < tables.size(); i++) bound.succeeded(operation, tables.get(i), latency);
                if (returnedItems != null) bound.itemsReturned(operation, tables.get(0), returnedItems.applyAsInt(response));
            }
            return response;
        } catch (DynamoException e) {
            bound.failed(operation, failedTable(tableOf, request, meter), e);
            throw e;
        } catch (RuntimeException | Error e) {
            // The protocol answers these as InternalServerError, and so they count.
            bound.failed(operation, failedTable(tableOf, request, meter), DynamoException.internal("Internal server error", e));
            throw e;
        } finally {
            meter.stop();
        }
    }

    private static <Q> String failedTable(Function<Q, String> tableOf, Q request, CapacityMeter meter) {
        String named = request == null ? null : tableOf.apply(request);
        if (named != null) return named;
        List<String> tables = meter.tables();
        return tables.size() == 1 ? tables.get(0) : null;
    }
}
