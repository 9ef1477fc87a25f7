package io.modyn.protocol.operation;

import io.modyn.api.dynamodb.DescribeEndpointsResponse;
import io.modyn.api.dynamodb.DescribeLimitsResponse;
import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.dynamodb.TagResourceRequest;
import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.protocol.json.BatchRequestReader;
import io.modyn.protocol.json.BatchResponseWriter;
import io.modyn.protocol.json.ControlRequestReader;
import io.modyn.protocol.json.ControlResponseWriter;
import io.modyn.protocol.json.ItemRequestReader;
import io.modyn.protocol.json.ItemResponseWriter;
import io.modyn.protocol.json.PartiqlRequestReader;
import io.modyn.protocol.json.PartiqlResponseWriter;
import io.modyn.protocol.json.QueryScanRequestReader;
import io.modyn.protocol.json.TableRequestReader;
import io.modyn.protocol.json.TableResponseWriter;
import io.modyn.protocol.json.TransactRequestReader;
import io.modyn.protocol.json.TransactResponseWriter;
import java.util.List;

/**
 * The operations of the DynamoDB API this server answers, by {@code X-Amz-Target}
 * ({@code DynamoDB_20120810.<Operation>}). Any other target is an UnknownOperationException.
 */
public final class DynamoDbOperations {

    static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private static final List<Operation<DynamoDbService, ?, ?>> ALL = List.of(
            new Operation<>("CreateTable", TableRequestReader::createTable, DynamoDbService::createTable, TableResponseWriter::createTable),
            new Operation<>("DescribeTable", TableRequestReader::describeTable, DynamoDbService::describeTable, TableResponseWriter::describeTable),
            new Operation<>("ListTables", TableRequestReader::listTables, DynamoDbService::listTables, TableResponseWriter::listTables),
            new Operation<>("UpdateTable", TableRequestReader::updateTable, DynamoDbService::updateTable, TableResponseWriter::updateTable),
            new Operation<>("DeleteTable", TableRequestReader::deleteTable, DynamoDbService::deleteTable, TableResponseWriter::deleteTable),
            new Operation<>("PutItem", ItemRequestReader::putItem, DynamoDbService::putItem, ItemResponseWriter::putItem),
            new Operation<>("GetItem", ItemRequestReader::getItem, DynamoDbService::getItem, ItemResponseWriter::getItem),
            new Operation<>("UpdateItem", ItemRequestReader::updateItem, DynamoDbService::updateItem, ItemResponseWriter::updateItem),
            new Operation<>("DeleteItem", ItemRequestReader::deleteItem, DynamoDbService::deleteItem, ItemResponseWriter::deleteItem),
            new Operation<>("BatchGetItem", BatchRequestReader::batchGetItem, DynamoDbService::batchGetItem, BatchResponseWriter::batchGetItem),
            new Operation<>("BatchWriteItem", BatchRequestReader::batchWriteItem, DynamoDbService::batchWriteItem, BatchResponseWriter::batchWriteItem),
            new Operation<>("Query", QueryScanRequestReader::query, DynamoDbService::query, ItemResponseWriter::query),
            new Operation<>("Scan", QueryScanRequestReader::scan, DynamoDbService::scan, ItemResponseWriter::scan),
            new Operation<>("ExecuteStatement", PartiqlRequestReader::executeStatement, DynamoDbService::executeStatement,
                    PartiqlResponseWriter::executeStatement),
            new Operation<>("BatchExecuteStatement", PartiqlRequestReader::batchExecuteStatement, DynamoDbService::batchExecuteStatement,
                    PartiqlResponseWriter::batchExecuteStatement),
            new Operation<>("ExecuteTransaction", PartiqlRequestReader::executeTransaction, DynamoDbService::executeTransaction,
                    PartiqlResponseWriter::executeTransaction),
            new Operation<>("TransactWriteItems", TransactRequestReader::transactWriteItems, DynamoDbService::transactWriteItems,
                    TransactResponseWriter::transactWriteItems),
            new Operation<>("TransactGetItems", TransactRequestReader::transactGetItems, DynamoDbService::transactGetItems,
                    TransactResponseWriter::transactGetItems),
            new Operation<>("UpdateTimeToLive", ControlRequestReader::updateTimeToLive, DynamoDbService::updateTimeToLive,
                    ControlResponseWriter::updateTimeToLive),
            new Operation<>("DescribeTimeToLive", ControlRequestReader::describeTimeToLive, DynamoDbService::describeTimeToLive,
                    ControlResponseWriter::describeTimeToLive),
            Operation.withoutResponseBody("TagResource", ControlRequestReader::tagResource, DynamoDbOperations::tagResource),
            Operation.withoutResponseBody("UntagResource", ControlRequestReader::untagResource, DynamoDbOperations::untagResource),
            new Operation<>("ListTagsOfResource", ControlRequestReader::listTagsOfResource, DynamoDbService::listTagsOfResource,
                    ControlResponseWriter::listTagsOfResource),
            new Operation<>("PutResourcePolicy", ControlRequestReader::putResourcePolicy, DynamoDbService::putResourcePolicy,
                    ControlResponseWriter::putResourcePolicy),
            new Operation<>("GetResourcePolicy", ControlRequestReader::getResourcePolicy, DynamoDbService::getResourcePolicy,
                    ControlResponseWriter::getResourcePolicy),
            new Operation<>("DeleteResourcePolicy", ControlRequestReader::deleteResourcePolicy, DynamoDbService::deleteResourcePolicy,
                    ControlResponseWriter::deleteResourcePolicy),
            new Operation<>("DescribeLimits", ControlRequestReader::withoutMembers, DynamoDbOperations::describeLimits,
                    ControlResponseWriter::describeLimits),
            new Operation<>("DescribeEndpoints", ControlRequestReader::withoutMembers, DynamoDbOperations::describeEndpoints,
                    ControlResponseWriter::describeEndpoints));

    private DynamoDbOperations() {
    }

    static List<Operation<DynamoDbService, ?, ?>> all() {
        return ALL;
    }

    // Adapters for the service methods whose shape is not (request, context) -> response.

    private static Void tagResource(DynamoDbService service, TagResourceRequest request, RequestContext context) {
        service.tagResource(request, context);
        return null;
    }

    private static Void untagResource(DynamoDbService service, UntagResourceRequest request, RequestContext context) {
        service.untagResource(request, context);
        return null;
    }

    private static DescribeLimitsResponse describeLimits(DynamoDbService service, Void request, RequestContext context) {
        return service.describeLimits(context);
    }

    private static DescribeEndpointsResponse describeEndpoints(DynamoDbService service, Void request, RequestContext context) {
        return service.describeEndpoints(context);
    }
}
