package io.modyn.engine;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyResponse;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.GetResourcePolicyResponse;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyResponse;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DeleteTableResponse;
import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.DescribeLimitsResponse;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveResponse;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceResponse;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveResponse;
import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ExecuteTransactionResponse;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.ListTablesResponse;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateItemResponse;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageException;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.AuthorizerBinding;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.authorization.ResourceArns;
import io.modyn.engine.operation.BatchGetItemOperation;
import io.modyn.engine.operation.BatchWriteItemOperation;
import io.modyn.engine.operation.CreateTableOperation;
import io.modyn.engine.operation.DescribeEndpointsOperation;
import io.modyn.engine.operation.DescribeLimitsOperation;
import io.modyn.engine.operation.DescribeTimeToLiveOperation;
import io.modyn.engine.operation.ListTagsOfResourceOperation;
import io.modyn.engine.operation.TagResourceOperation;
import io.modyn.engine.operation.TransactGetItemsOperation;
import io.modyn.engine.operation.TransactWriteItemsOperation;
import io.modyn.engine.operation.UntagResourceOperation;
import io.modyn.engine.operation.UpdateTimeToLiveOperation;
import io.modyn.engine.write.ItemWriter;
import io.modyn.engine.operation.DeleteItemOperation;
import io.modyn.engine.operation.DeleteResourcePolicyOperation;
import io.modyn.engine.operation.GetResourcePolicyOperation;
import io.modyn.engine.operation.PutResourcePolicyOperation;
import io.modyn.engine.operation.DeleteTableOperation;
import io.modyn.engine.operation.DescribeTableOperation;
import io.modyn.engine.operation.GetItemOperation;
import io.modyn.engine.operation.ListTablesOperation;
import io.modyn.engine.operation.PutItemOperation;
import io.modyn.engine.operation.QueryOperation;
import io.modyn.engine.operation.ScanOperation;
import io.modyn.engine.operation.UpdateItemOperation;
import io.modyn.engine.operation.UpdateTableOperation;
import io.modyn.engine.partiql.BatchExecuteStatementOperation;
import io.modyn.engine.partiql.ExecuteStatementOperation;
import io.modyn.engine.partiql.ExecuteTransactionOperation;
import io.modyn.engine.partiql.ItemOperations;
import io.modyn.engine.throttle.ThrottleMeter;
import io.modyn.engine.throttle.Throttling;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The DynamoDB API over whichever storage backend is bound: dispatches each call to its operation
 * class and turns storage failures into DynamoDB errors (retryable ones into errors SDKs retry).
 * Plain Java; {@link EngineComponent} wires it into OSGi.
 */
public final class DynamoDbEngine implements DynamoDbService {

    private static final int MAX_CONFLICT_ATTEMPTS = 10;

    private final StorageBinding storage;
    private final AuthorizerBinding authorizers;
    private final Throttling throttling;
    private final ResourceArns arns;
    private final CreateTableOperation createTable;
    private final DescribeTableOperation describeTable;
    private final ListTablesOperation listTables = new ListTablesOperation();
    private final UpdateTableOperation updateTable;
    private final DeleteTableOperation deleteTable;
    private final PutItemOperation putItem;
    private final GetItemOperation getItem = new GetItemOperation();
    private final DeleteItemOperation deleteItem;
    private final UpdateItemOperation updateItem;
    private final BatchGetItemOperation batchGetItem = new BatchGetItemOperation();
    private final BatchWriteItemOperation batchWriteItem;
    private final TransactWriteItemsOperation transactWriteItems;
    private final TransactGetItemsOperation transactGetItems;
    private final UpdateTimeToLiveOperation updateTimeToLive;
    private final DescribeTimeToLiveOperation describeTimeToLive;
    private final TagResourceOperation tagResource;
    private final UntagResourceOperation untagResource;
    private final ListTagsOfResourceOperation listTagsOfResource;
    private final PutResourcePolicyOperation putResourcePolicy;
    private final GetResourcePolicyOperation getResourcePolicy;
    private final DeleteResourcePolicyOperation deleteResourcePolicy;
    private final DescribeLimitsOperation describeLimits = new DescribeLimitsOperation();
    private final DescribeEndpointsOperation describeEndpoints;
    private final QueryOperation query = new QueryOperation();
    private final ScanOperation scan = new ScanOperation();
    private final ExecuteStatementOperation executeStatement;
    private final BatchExecuteStatementOperation batchExecuteStatement;
    private final ExecuteTransactionOperation executeTransaction;

    /** An engine in open mode: no authorizer is ever asked. */
    public DynamoDbEngine(StorageBinding storage, EngineSettings settings, ItemWriter writer) {
        this(storage, settings, writer, new AuthorizerBinding());
    }

    /** An engine that asks whichever authorizer is bound, before each operation touches storage; it throttles nothing. */
    public DynamoDbEngine(StorageBinding storage, EngineSettings settings, ItemWriter writer, AuthorizerBinding authorizers) {
        this(storage, settings, writer, authorizers, Throttling.DISABLED);
    }

    /** An engine that also throttles provisioned tables as DynamoDB does (unless throttling is {@link Throttling#DISABLED}). */
    public DynamoDbEngine(StorageBinding storage, EngineSettings settings, ItemWriter writer, AuthorizerBinding authorizers,
            Throttling throttling) {
        this.storage = storage;
        this.authorizers = authorizers;
        this.throttling = throttling;
        this.arns = new ResourceArns(settings);
        this.putItem = new PutItemOperation(writer);
        this.deleteItem = new DeleteItemOperation(writer);
        this.updateItem = new UpdateItemOperation(writer);
        this.batchWriteItem = new BatchWriteItemOperation(writer);
        this.transactWriteItems = new TransactWriteItemsOperation(settings, writer);
        this.transactGetItems = new TransactGetItemsOperation(settings, writer);
        this.updateTimeToLive = new UpdateTimeToLiveOperation(settings, writer);
        this.describeTimeToLive = new DescribeTimeToLiveOperation(settings, writer);
        this.tagResource = new TagResourceOperation(settings, writer);
        this.untagResource = new UntagResourceOperation(settings, writer);
        this.listTagsOfResource = new ListTagsOfResourceOperation(settings, writer);
        this.describeEndpoints = new DescribeEndpointsOperation(settings);
        this.putResourcePolicy = new PutResourcePolicyOperation(settings, Clock.systemUTC());
        this.getResourcePolicy = new GetResourcePolicyOperation(settings);
        this.deleteResourcePolicy = new DeleteResourcePolicyOperation(settings, Clock.systemUTC());
        this.createTable = new CreateTableOperation(settings);
        this.describeTable = new DescribeTableOperation(settings);
        this.updateTable = new UpdateTableOperation(settings);
        this.deleteTable = new DeleteTableOperation(settings, writer);
        ItemOperations itemOperations = new ItemOperations(getItem, query, scan, putItem, updateItem, deleteItem,
                transactWriteItems, transactGetItems);
        this.executeStatement = new ExecuteStatementOperation(itemOperations);
        this.batchExecuteStatement = new BatchExecuteStatementOperation(itemOperations);
        this.executeTransaction = new ExecuteTransactionOperation(itemOperations);
    }

    /** This node's throttling, whose counts the metrics read. */
    public Throttling throttling() {
        return throttling;
    }

    @Override
    public boolean ready() {
        return storage.isBound();
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request, RequestContext context) {
        return run(bound -> createTable.execute(request, bound, access(context)));
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request, RequestContext context) {
        return run(bound -> describeTable.execute(request, bound, access(context)));
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request, RequestContext context) {
        return run(bound -> listTables.execute(request, bound, access(context)));
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request, RequestContext context) {
        return run(bound -> updateTable.execute(request, bound, access(context)));
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request, RequestContext context) {
        return run(bound -> deleteTable.execute(request, bound, access(context)));
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request, RequestContext context) {
        return run(bound -> putItem.execute(request, bound, access(context)));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request, RequestContext context) {
        return run(bound -> getItem.execute(request, bound, access(context)));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request, RequestContext context) {
        return run(bound -> deleteItem.execute(request, bound, access(context)));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request, RequestContext context) {
        return run(bound -> updateItem.execute(request, bound, access(context)));
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request, RequestContext context) {
        return run(bound -> batchGetItem.execute(request, bound, access(context)));
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request, RequestContext context) {
        return run(bound -> batchWriteItem.execute(request, bound, access(context)));
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request, RequestContext context) {
        return run(bound -> transactWriteItems.execute(request, bound, access(context)));
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request, RequestContext context) {
        return run(bound -> transactGetItems.execute(request, bound, access(context)));
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request, RequestContext context) {
        return run(bound -> updateTimeToLive.execute(request, bound, access(context)));
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request, RequestContext context) {
        return run(bound -> describeTimeToLive.execute(request, bound, access(context)));
    }

    @Override
    public void tagResource(TagResourceRequest request, RequestContext context) {
        run(bound -> {
            tagResource.execute(request, bound, access(context));
            return null;
        });
    }

    @Override
    public void untagResource(UntagResourceRequest request, RequestContext context) {
        run(bound -> {
            untagResource.execute(request, bound, access(context));
            return null;
        });
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request, RequestContext context) {
        return run(bound -> listTagsOfResource.execute(request, bound, access(context)));
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request, RequestContext context) {
        return run(bound -> putResourcePolicy.execute(request, bound, access(context)));
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request, RequestContext context) {
        return run(bound -> getResourcePolicy.execute(request, bound, access(context)));
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request, RequestContext context) {
        return run(bound -> deleteResourcePolicy.execute(request, bound, access(context)));
    }

    @Override
    public DescribeLimitsResponse describeLimits(RequestContext context) {
        access(context).require(ControlPlaneAccess::describeLimits);
        return describeLimits.execute();
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(RequestContext context) {
        access(context).require(ControlPlaneAccess::describeEndpoints);
        return describeEndpoints.execute(context == null ? null : context.host());
    }

    @Override
    public QueryResponse query(QueryRequest request, RequestContext context) {
        return run(bound -> query.execute(request, bound, access(context)));
    }

    @Override
    public ScanResponse scan(ScanRequest request, RequestContext context) {
        return run(bound -> scan.execute(request, bound, access(context)));
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request, RequestContext context) {
        return run(bound -> executeStatement.execute(request, bound, access(context)));
    }

    /**
     * Not retried as a whole on a storage conflict: its statements are separate writes, some
     * already applied; the operation retries a conflicting statement alone.
     */
    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request, RequestContext context) {
        return runOnce(bound -> batchExecuteStatement.execute(request, bound, access(context)));
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request, RequestContext context) {
        return run(bound -> executeTransaction.execute(request, bound, access(context)));
    }

    /** The request's gate to the authorizer bound now; operations call it after validating, before storage. */
    private AccessCheck access(RequestContext context) {
        return authorizers.forRequest(context, arns, storage);
    }

    /**
     * Runs an operation, again from the start when storage reports a conflict (a lock wait that
     * timed out, a deadlock, a serialization failure): nothing of the failed attempt was applied,
     * so a retry is safe, and the client sees a conflict only when it persists.
     */
    private <T> T run(Function<StorageBinding.Bound, T> operation) {
        boolean catalogRefreshed = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(operation);
            } catch (KeyspaceNotFoundException e) {
                // A cached table definition outlived its table (deleted through another node):
                // read the catalog afresh once; the retry then finds no table, or the new one.
                if (catalogRefreshed) throw DynamoException.internal("Internal server error", e);
                catalogRefreshed = true;
                storage.require().catalog().invalidateAll();
            } catch (StorageConflictException e) {
                // A write computed from a table definition that changed meanwhile (fenced, see
                // TableCatalog.fence): the retry reads the definitions afresh.
                if (e instanceof RecordChangedException) storage.require().catalog().invalidateAll();
                if (attempt >= MAX_CONFLICT_ATTEMPTS) {
                    throw new DynamoException(ErrorType.INTERNAL_SERVER_ERROR, "The request conflicted with concurrent writes; retry it", e);
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + Math.min(50, 2 << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DynamoException.unavailable("Interrupted while retrying a conflicting request");
        }
    }

    private <T> T runOnce(Function<StorageBinding.Bound, T> operation) {
        try (ThrottleMeter meter = ThrottleMeter.open(throttling)) {
            return operation.apply(storage.require());
        } catch (StorageConflictException | KeyspaceNotFoundException e) {
            throw e;
        } catch (StorageException e) {
            if (e.retryable()) throw new DynamoException(ErrorType.SERVICE_UNAVAILABLE, "The storage backend is not available; retry the request", e);
            throw DynamoException.internal("Internal server error", e);
        }
    }
}
