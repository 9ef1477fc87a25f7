package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchGetItemResponse;
import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.KeysAndAttributes;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ReadAccess;
import io.modyn.engine.catalog.TableCatalog;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.Projection;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.RequestEchoes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 keys over several tables. Every table and key is validated before
 * anything is read; once the response would pass 16 MB the remaining keys are returned as
 * UnprocessedKeys for the client to ask again, as DynamoDB does.
 */
public final class BatchGetItemOperation {

    static final int MAX_KEYS = 100;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private record TableRead(TableDefinition table, KeysAndAttributes request, List<PrimaryKey> keys, Projection projection) {
    }

    public BatchGetItemResponse execute(BatchGetItemRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = new ConstraintViolations();
        v.notNull("requestItems", request.requestItems());
        if (request.requestItems() != null && RequestRules.hasBadTableName(request.requestItems())) {
            v.echoed("requestItems", RequestEchoes.readsAsJson(request.requestItems()), RequestRules.TABLE_NAME_MAP_KEYS);
        }
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.throwIfAny();
        if (request.requestItems().isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        int total = 0;
        for (Map.Entry<String, KeysAndAttributes> entry : request.requestItems().entrySet()) {
            KeysAndAttributes read = entry.getValue();
            new ConstraintViolations().notNull("requestItems." + entry.getKey() + ".member.keys", read == null ? null : read.keys())
                    .throwIfAny();
            // DynamoDB's current wording for the size of a batch names the member path, not its value.
            if (read.keys().isEmpty() || read.keys().size() > MAX_KEYS) {
                throw DynamoException.validation("1 validation error detected: Value at 'RequestItems." + entry.getKey()
                        + ".member.Keys' failed to satisfy constraint: Member must have length "
                        + (read.keys().isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_KEYS));
            }
            total += read.keys().size();
        }
        if (total > MAX_KEYS) throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        checkOneProjectionStyle(request.requestItems().values());

        List<TableRead> reads = new ArrayList<>();
        for (Map.Entry<String, KeysAndAttributes> entry : request.requestItems().entrySet()) {
            reads.add(prepare(entry.getKey(), entry.getValue(), bound, access));
        }
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        for (TableRead read : reads) tables.put(read.table.tableName(), read.table);
        access.require(arns -> ReadAccess.batchGetItem(arns, request, tables));

        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        List<ConsumedCapacity> capacity = CapacityUnits.requested(request.returnConsumedCapacity()) ? new ArrayList<>() : null;
        long responseBytes = 0;
        boolean full = false;
        for (TableRead read : reads) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            boolean consistent = Boolean.TRUE.equals(read.request.consistentRead());
            double units = 0;
            for (PrimaryKey key : read.keys) {
                if (full) {
                    left.add(key.attributes());
                    continue;
                }
                byte[] stored = bound.storage().get(TableCatalog.dataKeyspace(read.table), key.partition(), key.sort());
                if (stored == null) {
                    units += CapacityUnits.read(0, consistent);
                    continue;
                }
                Map<String, AttributeValue> item = ItemCodec.decode(stored);
                long size = ItemSize.of(item);
                if (responseBytes + size > MAX_RESPONSE_BYTES) {
                    // This item would take the response past 16 MB: it and every later key wait for the next call.
                    full = true;
                    left.add(key.attributes());
                    continue;
                }
                units += CapacityUnits.read(size, consistent);
                responseBytes += size;
                found.add(read.projection == null ? item : read.projection.apply(item));
            }
            responses.put(read.table.tableName(), found);
            if (!left.isEmpty()) {
                KeysAndAttributes r = read.request;
                unprocessed.put(read.table.tableName(),
                        new KeysAndAttributes(left, r.attributesToGet(), r.consistentRead(), r.projectionExpression(), r.expressionAttributeNames()));
            }
            if (capacity != null) CapacityUnits.addReport(capacity, CapacityUnits.report(request.returnConsumedCapacity(), read.table.tableName(), units));
        }
        return new BatchGetItemResponse(responses, unprocessed, CapacityUnits.batchReport(capacity));
    }

    /**
     * The request as a whole takes legacy or expression projections, not both: one table read with
     * AttributesToGet beside another with a ProjectionExpression is refused as if one read had both.
     */
    private static void checkOneProjectionStyle(Collection<KeysAndAttributes> reads) {
        boolean legacy = reads.stream().anyMatch(read -> read.attributesToGet() != null);
        boolean expression = reads.stream().anyMatch(read -> read.projectionExpression() != null);
        WriteConditions.checkNotMixed(named("AttributesToGet", legacy ? true : null), named("ProjectionExpression", expression ? true : null));
    }

    private static TableRead prepare(String tableName, KeysAndAttributes read, StorageBinding.Bound bound, AccessCheck access) {
        WriteConditions.checkNotMixed(named("AttributesToGet", read.attributesToGet()),
                named("ProjectionExpression", read.projectionExpression()));
        WriteConditions.checkAttributeMapsNeedExpressions(read.expressionAttributeNames(), null, named(),
                named("ProjectionExpression", read.projectionExpression()));
        TableDefinition table = access.requireTable(bound, "dynamodb:BatchGetItem", tableName);
        List<PrimaryKey> keys = new ArrayList<>(read.keys().size());
        Set<StorageKeyBytes> seen = new HashSet<>();
        for (Map<String, AttributeValue> keyParameter : read.keys()) {
            if (keyParameter != null) keyParameter.values().forEach(AttributeValueRules::check);
            PrimaryKey key = KeySchemaRules.ofKey(table, keyParameter);
            if (!seen.add(new StorageKeyBytes(key))) throw DynamoException.validation("Provided list of item keys contains duplicates");
            keys.add(key);
        }
        ExpressionAttributes attributes = new ExpressionAttributes(read.expressionAttributeNames(), null);
        Projection projection = ReadSelection.projection(read.projectionExpression(), read.attributesToGet(), attributes);
        attributes.checkAllUsed();
        return new TableRead(table, read, keys, projection);
    }
}
