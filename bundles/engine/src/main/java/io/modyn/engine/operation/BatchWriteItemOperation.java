package io.modyn.engine.operation;

import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemResponse;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.WriteRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ItemAccess;
import io.modyn.engine.index.IndexWriteUnits;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.RequestEchoes;
import io.modyn.engine.write.ChangeOrigin;
import io.modyn.engine.write.ItemWriter;
import io.modyn.engine.validation.Enums;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. The whole batch is validated
 * first, then written in one storage transaction, so it never half-applies; DynamoDB promises
 * less (each write on its own), and so UnprocessedItems is always empty here.
 */
public final class BatchWriteItemOperation {

    private final ItemWriter writer;

    public BatchWriteItemOperation(ItemWriter writer) {
        this.writer = writer;
    }

    static final int MAX_WRITES = 25;

    private record Write(TableDefinition table, PrimaryKey key, Map<String, AttributeValue> item, long size) {
    }

    public BatchWriteItemResponse execute(BatchWriteItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = new ConstraintViolations();
        v.notNull("requestItems", request.requestItems());
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.oneOf("returnItemCollectionMetrics", request.returnItemCollectionMetrics(), Enums.RETURN_ITEM_COLLECTION_METRICS);
        v.throwIfAny();
        if (request.requestItems().isEmpty()) {
            throw DynamoException.validation("The requestItems parameter is required for BatchWriteItem");
        }
        int total = 0;
        // Unlike BatchGetItem, a bad table name gives way to the enums above and is reported alone.
        if (RequestRules.hasBadTableName(request.requestItems())) {
            new ConstraintViolations().echoed("requestItems", RequestEchoes.writesAsModel(request.requestItems()), RequestRules.TABLE_NAME_MAP_KEYS)
                    .throwIfAny();
        }
        for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
            new ConstraintViolations().notNull("requestItems." + entry.getKey() + ".member", entry.getValue()).throwIfAny();
            // An empty list is still answered in the older form, echoing the map; too long a list
            // in the current one, which names the member path (October 2026 captures).
            if (entry.getValue().isEmpty()) {
                new ConstraintViolations().echoed("requestItems", RequestEchoes.writesAsModel(request.requestItems()),
                        "Map value must satisfy constraint: [Member must have length less than or equal to " + MAX_WRITES
                                + ", Member must have length greater than or equal to 1]").throwIfAny();
            }
            if (entry.getValue().size() > MAX_WRITES) {
                throw DynamoException.validation("1 validation error detected: Value at 'RequestItems." + entry.getKey()
                        + ".member' failed to satisfy constraint: Member must have length less than or equal to " + MAX_WRITES);
            }
            total += entry.getValue().size();
        }
        if (total > MAX_WRITES) throw DynamoException.validation("Too many items requested for the BatchWriteItem call");

        List<Write> writes = new ArrayList<>();
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> entry : request.requestItems().entrySet()) {
            TableDefinition table = access.requireTable(bound, "dynamodb:BatchWriteItem", entry.getKey());
            tables.put(entry.getKey(), table);
            Set<StorageKeyBytes> seen = new HashSet<>();
            for (WriteRequest write : entry.getValue()) {
                Write prepared = prepare(table, write);
                if (!seen.add(new StorageKeyBytes(prepared.key))) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(prepared);
            }
        }

        access.require(arns -> ItemAccess.batchWriteItem(arns, request, tables));

        Map<String, Double> units = new LinkedHashMap<>();
        Map<String, IndexWriteUnits> indexUnits = new LinkedHashMap<>();
        try (StorageTransaction tx = bound.storage().begin()) {
            for (Write write : writes) {
                boolean readOld = writer.needsOldItem(write.table);
                Map<String, AttributeValue> old = null;
                if (readOld) {
                    byte[] stored = tx.getForUpdate(TableCatalog.dataKeyspace(write.table), write.key.partition(), write.key.sort());
                    old = stored == null ? null : ItemCodec.decode(stored);
                }
                writer.write(bound.catalog(), tx, write.table, write.key, old, write.item, readOld, ChangeOrigin.REQUEST);
                units.merge(write.table.tableName(), CapacityUnits.write(write.size), Double::sum);
                indexUnits.merge(write.table.tableName(), IndexWriteUnits.of(write.table, old, write.item), IndexWriteUnits::plus);
            }
            tx.commit();
        }
        List<ConsumedCapacity> capacity = null;
        if (CapacityUnits.requested(request.returnConsumedCapacity())) {
            capacity = new ArrayList<>();
            for (Map.Entry<String, Double> e : units.entrySet()) {
                CapacityUnits.addReport(capacity,
                        CapacityUnits.report(request.returnConsumedCapacity(), e.getKey(), e.getValue(), indexUnits.get(e.getKey())));
            }
        }
        return new BatchWriteItemResponse(Map.of(), null, CapacityUnits.batchReport(capacity));
    }

    private static Map<String, AttributeValue> keyAttributes(TableDefinition table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(4);
        if (item.containsKey(table.partitionKeyName())) key.put(table.partitionKeyName(), item.get(table.partitionKeyName()));
        if (table.sortKeyName() != null && item.containsKey(table.sortKeyName())) key.put(table.sortKeyName(), item.get(table.sortKeyName()));
        return key;
    }

    private static Write prepare(TableDefinition table, WriteRequest write) {
        if (write == null || (write.putItem() == null) == (write.deleteKey() == null)) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        if (write.putItem() != null) {
            Map<String, AttributeValue> item = write.putItem();
            AttributeValueRules.checkItem(item);
            // Unlike PutItem, a batch put with a missing or mistyped key gets the generic key message.
            PrimaryKey key = KeySchemaRules.ofKey(table, keyAttributes(table, item));
            return new Write(table, key, item, ItemSize.checkedSize(item));
        }
        write.deleteKey().values().forEach(AttributeValueRules::check);
        return new Write(table, KeySchemaRules.ofKey(table, write.deleteKey()), null, 0);
    }
}
