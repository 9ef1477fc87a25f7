package io.modyn.protocol.operation;

import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.protocol.json.BatchRequestReader;
import io.modyn.protocol.json.BatchResponseWriter;
import io.modyn.protocol.json.ItemRequestReader;
import io.modyn.protocol.json.ItemResponseWriter;
import io.modyn.protocol.json.QueryScanRequestReader;
import io.modyn.protocol.json.TableRequestReader;
import io.modyn.protocol.json.TableResponseWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operations of the DynamoDB API this server answers, by {@code X-Amz-Target}
 * ({@code DynamoDB_20120810.<Operation>}). Any other target is an UnknownOperationException.
 */
public final class DynamoDbOperations {

    static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private static final Map<String, Operation<?, ?>> BY_NAME = List.<Operation<?, ?>>of(
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
            new Operation<>("Scan", QueryScanRequestReader::scan, DynamoDbService::scan, ItemResponseWriter::scan))
            .stream().collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));

    private DynamoDbOperations() {
    }

    /** The operation an {@code X-Amz-Target} header names, or null if it names none this server has. */
    public static Operation<?, ?> forTarget(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return null;
        }
        return BY_NAME.get(target.substring(TARGET_PREFIX.length()));
    }
}
