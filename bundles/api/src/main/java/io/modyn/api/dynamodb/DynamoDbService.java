package io.modyn.api.dynamodb;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The DynamoDB API as typed operations: implemented by the engine, called by wire protocols.
 *
 * <p>Every method either returns the response or throws a {@link io.modyn.api.model.DynamoException}
 * carrying DynamoDB's error type and message. A method never leaves a partial write behind when it
 * throws. Implementations are thread-safe.
 */
@ProviderType
public interface DynamoDbService {

    /**
     * Whether requests can be served now: false while the service has no storage to serve them
     * from (every operation would answer a retryable error). Health checks report it.
     */
    boolean ready();

    CreateTableResponse createTable(CreateTableRequest request, RequestContext context);

    DescribeTableResponse describeTable(DescribeTableRequest request, RequestContext context);

    ListTablesResponse listTables(ListTablesRequest request, RequestContext context);

    UpdateTableResponse updateTable(UpdateTableRequest request, RequestContext context);

    DeleteTableResponse deleteTable(DeleteTableRequest request, RequestContext context);

    PutItemResponse putItem(PutItemRequest request, RequestContext context);

    GetItemResponse getItem(GetItemRequest request, RequestContext context);

    DeleteItemResponse deleteItem(DeleteItemRequest request, RequestContext context);

    UpdateItemResponse updateItem(UpdateItemRequest request, RequestContext context);

    BatchGetItemResponse batchGetItem(BatchGetItemRequest request, RequestContext context);

    BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request, RequestContext context);

    TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request, RequestContext context);

    TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request, RequestContext context);

    UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request, RequestContext context);

    DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request, RequestContext context);

    void tagResource(TagResourceRequest request, RequestContext context);

    void untagResource(UntagResourceRequest request, RequestContext context);

    ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request, RequestContext context);

    /** Attaches a resource-based policy to a table or stream; since 1.5. */
    PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request, RequestContext context);

    /** The resource-based policy of a table or stream; since 1.5. */
    GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request, RequestContext context);

    /** Removes the resource-based policy of a table or stream; since 1.5. */
    DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request, RequestContext context);

    DescribeLimitsResponse describeLimits(RequestContext context);

    DescribeEndpointsResponse describeEndpoints(RequestContext context);

    QueryResponse query(QueryRequest request, RequestContext context);

    ScanResponse scan(ScanRequest request, RequestContext context);

    /** Runs one PartiQL statement; since 1.7. */
    ExecuteStatementResponse executeStatement(ExecuteStatementRequest request, RequestContext context);

    /** Runs up to 25 PartiQL statements, all reads or all writes, each succeeding or failing alone; since 1.7. */
    BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request, RequestContext context);

    /** Runs up to 100 PartiQL statements as one transaction; since 1.7. */
    ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request, RequestContext context);
}
