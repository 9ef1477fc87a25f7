package io.modyn.protocol.http;

import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.dynamodb.DeleteResourcePolicyRequest;
import io.modyn.api.dynamodb.DeleteResourcePolicyResponse;
import io.modyn.api.dynamodb.GetResourcePolicyRequest;
import io.modyn.api.dynamodb.GetResourcePolicyResponse;
import io.modyn.api.dynamodb.PutResourcePolicyRequest;
import io.modyn.api.dynamodb.PutResourcePolicyResponse;
import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.CreateTableRequest;
import io.modyn.api.dynamodb.CreateTableResponse;
import io.modyn.api.dynamodb.DeleteItemRequest;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.dynamodb.DeleteTableRequest;
import io.modyn.api.dynamodb.DeleteTableResponse;
import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.DescribeLimitsResponse;
import io.modyn.api.dynamodb.DescribeTableRequest;
import io.modyn.api.dynamodb.DescribeTableResponse;
import io.modyn.api.dynamodb.DescribeTimeToLiveRequest;
import io.modyn.api.dynamodb.DescribeTimeToLiveResponse;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.Endpoint;
import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.ListTablesResponse;
import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceResponse;
import io.modyn.api.dynamodb.PutItemRequest;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.dynamodb.UpdateItemRequest;
import io.modyn.api.dynamodb.UpdateItemResponse;
import io.modyn.api.dynamodb.UpdateTableRequest;
import io.modyn.api.dynamodb.UpdateTableResponse;
import io.modyn.api.dynamodb.UpdateTimeToLiveRequest;
import io.modyn.api.dynamodb.UpdateTimeToLiveResponse;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TimeToLiveDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the engine bundle at unit level: items in a map keyed by their "id" attribute
 * whatever table is named, table operations answering ResourceNotFound, and a switch to make the
 * next call fail. UpdateItem puts every AttributeUpdates value, whatever its action, and returns
 * the item as it then is; TransactWriteItems applies its Puts and Deletes, TransactGetItems reads
 * by key. Tags are kept in one list whatever resource is named; TTL is always disabled.
 */
final class FakeDynamoDbService implements DynamoDbService {

    volatile boolean ready = true;

    @Override
    public boolean ready() {
        return ready;
    }

    final Map<AttributeValue, Map<String, AttributeValue>> items = new ConcurrentHashMap<>();
    final List<RequestContext> contexts = new CopyOnWriteArrayList<>();
    final List<Tag> tags = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    /** When set, every call waits for it to open (at most a minute), to hold requests in flight. */
    volatile CountDownLatch gate;
    /** Counted down when a call reaches the service. */
    final CountDownLatch reached = new CountDownLatch(1);

    @Override
    public PutItemResponse putItem(PutItemRequest request, RequestContext context) {
        called(context);
        items.put(request.item().get("id"), request.item());
        return new PutItemResponse(null, null, null);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request, RequestContext context) {
        called(context);
        return new GetItemResponse(items.get(request.key().get("id")), null);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request, RequestContext context) {
        called(context);
        return new DeleteItemResponse(items.remove(request.key().get("id")), null, null);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request, RequestContext context) {
        called(context);
        Map<String, AttributeValue> item = new LinkedHashMap<>(request.key());
        item.putAll(Objects.requireNonNullElse(items.get(request.key().get("id")), Map.of()));
        for (Map.Entry<String, AttributeValueUpdate> update : request.attributeUpdates().entrySet()) {
            item.put(update.getKey(), update.getValue().value());
        }
        items.put(item.get("id"), item);
        return new UpdateItemResponse(item, null, null);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request, RequestContext context) {
        called(context);
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> table : request.requestItems().entrySet()) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> key : table.getValue().keys()) {
                Map<String, AttributeValue> item = items.get(key.get("id"));
                if (item != null) {
                    found.add(item);
                }
            }
            responses.put(table.getKey(), found);
        }
        return new BatchGetItemResponse(responses, Map.of(), null);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request, RequestContext context) {
        called(context);
        for (List<WriteRequest> writes : request.requestItems().values()) {
            for (WriteRequest write : writes) {
                if (write.putItem() != null) {
                    items.put(write.putItem().get("id"), write.putItem());
                } else {
                    items.remove(write.deleteKey().get("id"));
                }
            }
        }
        return new BatchWriteItemResponse(Map.of(), null, null);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request, RequestContext context) {
        called(context);
        for (TransactWriteItem action : request.transactItems()) {
            if (action.put() != null) {
                items.put(action.put().item().get("id"), action.put().item());
            } else if (action.delete() != null) {
                items.remove(action.delete().key().get("id"));
            }
        }
        return new TransactWriteItemsResponse(null, null);
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request, RequestContext context) {
        called(context);
        List<Map<String, AttributeValue>> responses = new ArrayList<>();
        for (TransactGetItem action : request.transactItems()) {
            responses.add(items.get(action.get().key().get("id")));
        }
        return new TransactGetItemsResponse(responses, null);
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request, RequestContext context) {
        called(context);
        return new UpdateTimeToLiveResponse(request.timeToLiveSpecification());
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request, RequestContext context) {
        called(context);
        return new DescribeTimeToLiveResponse(new TimeToLiveDescription(TimeToLiveDescription.DISABLED, null));
    }

    @Override
    public void tagResource(TagResourceRequest request, RequestContext context) {
        called(context);
        tags.addAll(request.tags());
    }

    @Override
    public void untagResource(UntagResourceRequest request, RequestContext context) {
        called(context);
        tags.removeIf(tag -> request.tagKeys().contains(tag.key()));
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request, RequestContext context) {
        called(context);
        return new ListTagsOfResourceResponse(List.copyOf(tags), null);
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request, RequestContext context) {
        called(context);
        return new PutResourcePolicyResponse("1");
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request, RequestContext context) {
        called(context);
        return new GetResourcePolicyResponse("{}", "1");
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request, RequestContext context) {
        called(context);
        return new DeleteResourcePolicyResponse("1");
    }

    @Override
    public DescribeLimitsResponse describeLimits(RequestContext context) {
        called(context);
        return new DescribeLimitsResponse(80_000, 80_000, 40_000, 40_000);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(RequestContext context) {
        called(context);
        return new DescribeEndpointsResponse(List.of(new Endpoint("dynamodb.eu-west-1.amazonaws.com", 1440)));
    }

    @Override
    public ScanResponse scan(ScanRequest request, RequestContext context) {
        called(context);
        List<Map<String, AttributeValue>> all = List.copyOf(items.values());
        return new ScanResponse(all, all.size(), all.size(), null, null);
    }

    @Override
    public io.modyn.api.dynamodb.ExecuteStatementResponse executeStatement(io.modyn.api.dynamodb.ExecuteStatementRequest request,
            RequestContext context) {
        called(context);
        return new io.modyn.api.dynamodb.ExecuteStatementResponse(List.of(), null, null, null);
    }

    @Override
    public io.modyn.api.dynamodb.BatchExecuteStatementResponse batchExecuteStatement(
            io.modyn.api.dynamodb.BatchExecuteStatementRequest request, RequestContext context) {
        called(context);
        return new io.modyn.api.dynamodb.BatchExecuteStatementResponse(List.of(), null);
    }

    @Override
    public io.modyn.api.dynamodb.ExecuteTransactionResponse executeTransaction(io.modyn.api.dynamodb.ExecuteTransactionRequest request,
            RequestContext context) {
        called(context);
        return new io.modyn.api.dynamodb.ExecuteTransactionResponse(null, null);
    }

    @Override
    public QueryResponse query(QueryRequest request, RequestContext context) {
        called(context);
        return new QueryResponse(List.of(), 0, 0, null, null);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request, RequestContext context) {
        called(context);
        return new ListTablesResponse(List.of("items"), null);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request, RequestContext context) {
        throw notFound(context);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request, RequestContext context) {
        throw notFound(context);
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request, RequestContext context) {
        throw notFound(context);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request, RequestContext context) {
        throw notFound(context);
    }

    private void called(RequestContext context) {
        contexts.add(context);
        reached.countDown();
        CountDownLatch held = gate;
        if (held != null) {
            try {
                if (!held.await(1, TimeUnit.MINUTES)) throw new IllegalStateException("the test never opened the gate");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        RuntimeException next = failure;
        if (next != null) {
            throw next;
        }
    }

    private DynamoException notFound(RequestContext context) {
        called(context);
        return DynamoException.resourceNotFound("Requested resource not found");
    }
}
