package io.modyn.engine;

import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DeleteTableResponse;
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
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageException;
import io.modyn.engine.operation.CreateTableOperation;
import io.modyn.engine.operation.DeleteItemOperation;
import io.modyn.engine.operation.DeleteTableOperation;
import io.modyn.engine.operation.DescribeTableOperation;
import io.modyn.engine.operation.GetItemOperation;
import io.modyn.engine.operation.ListTablesOperation;
import io.modyn.engine.operation.PutItemOperation;
import io.modyn.engine.operation.QueryOperation;
import io.modyn.engine.operation.ScanOperation;
import io.modyn.engine.operation.UpdateTableOperation;
import java.util.function.Function;

/**
 * The DynamoDB API over whichever storage backend is bound: dispatches each call to its operation
 * class and turns storage failures into DynamoDB errors (retryable ones into errors SDKs retry).
 * Plain Java; {@link EngineComponent} wires it into OSGi.
 */
public final class DynamoDbEngine implements DynamoDbService {

    private final StorageBinding storage;
    private final CreateTableOperation createTable;
    private final DescribeTableOperation describeTable;
    private final ListTablesOperation listTables = new ListTablesOperation();
    private final UpdateTableOperation updateTable;
    private final DeleteTableOperation deleteTable;
    private final PutItemOperation putItem = new PutItemOperation();
    private final GetItemOperation getItem = new GetItemOperation();
    private final DeleteItemOperation deleteItem = new DeleteItemOperation();
    private final QueryOperation query = new QueryOperation();
    private final ScanOperation scan = new ScanOperation();

    public DynamoDbEngine(StorageBinding storage, EngineSettings settings) {
        this.storage = storage;
        this.createTable = new CreateTableOperation(settings);
        this.describeTable = new DescribeTableOperation(settings);
        this.updateTable = new UpdateTableOperation(settings);
        this.deleteTable = new DeleteTableOperation(settings);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request, RequestContext context) {
        return run(bound -> createTable.execute(request, bound));
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request, RequestContext context) {
        return run(bound -> describeTable.execute(request, bound));
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request, RequestContext context) {
        return run(bound -> listTables.execute(request, bound));
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request, RequestContext context) {
        return run(bound -> updateTable.execute(request, bound));
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request, RequestContext context) {
        return run(bound -> deleteTable.execute(request, bound));
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request, RequestContext context) {
        return run(bound -> putItem.execute(request, bound));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request, RequestContext context) {
        return run(bound -> getItem.execute(request, bound));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request, RequestContext context) {
        return run(bound -> deleteItem.execute(request, bound));
    }

    @Override
    public QueryResponse query(QueryRequest request, RequestContext context) {
        return run(bound -> query.execute(request, bound));
    }

    @Override
    public ScanResponse scan(ScanRequest request, RequestContext context) {
        return run(bound -> scan.execute(request, bound));
    }

    private <T> T run(Function<StorageBinding.Bound, T> operation) {
        try {
            return operation.apply(storage.require());
        } catch (StorageConflictException e) {
            throw new DynamoException(ErrorType.INTERNAL_SERVER_ERROR, "The request conflicted with a concurrent write; retry it", e);
        } catch (StorageException e) {
            if (e.retryable()) throw new DynamoException(ErrorType.SERVICE_UNAVAILABLE, "The storage backend is not available; retry the request", e);
            throw DynamoException.internal("Internal server error", e);
        }
    }
}
