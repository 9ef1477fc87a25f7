package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.TransactionAccess;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.Projection;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.transaction.Cancellations;
import io.modyn.engine.transaction.ConflictRetry;
import io.modyn.engine.transaction.DistinctItems;
import io.modyn.engine.transaction.ItemRef;
import io.modyn.engine.transaction.LockedReads;
import io.modyn.engine.transaction.TransactionCapacity;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.write.ItemWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems: up to 100 Gets over any tables, read as one consistent snapshot. Every item is
 * locked at once (in the global lock order) and read, then the locks are released without writing,
 * so no write commits between two of the reads. Responses come in request order, with null for an
 * item that does not exist.
 */
public final class TransactGetItemsOperation {

    static final int MAX_GETS = 100;

    private record Read(TableDefinition table, ItemRef ref, Projection projection) {
    }

    public TransactGetItemsOperation(EngineSettings settings, ItemWriter writer) {
        // Reads need neither: the constructor matches the other operations'.
    }

    public TransactGetItemsResponse execute(TransactGetItemsRequest request, StorageBinding.Bound bound, AccessCheck access) {
        checkShape(request);
        List<Read> reads = new ArrayList<>(request.transactItems().size());
        List<TransactGetItem> gets = request.transactItems();
        for (int i = 0; i < gets.size(); i++) reads.add(prepare(gets.get(i).get(), bound, access, gets.size(), i));
        DistinctItems.check(reads.stream().map(Read::ref).toList());
        access.require(arns -> TransactionAccess.transactGetItems(arns, request, reads.stream().map(Read::table).toList()));
        List<ItemRef> refs = reads.stream().map(Read::ref).toList();
        List<Map<String, AttributeValue>> items = ConflictRetry.run(refs.size(), () -> LockedReads.snapshot(bound.storage(), refs));

        List<Map<String, AttributeValue>> responses = new ArrayList<>(items.size());
        TransactionCapacity capacity = new TransactionCapacity();
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            Read read = reads.get(i);
            capacity.add(read.table().tableName(), CapacityUnits.read(item == null ? 0 : ItemSize.of(item), true));
            responses.add(item == null || read.projection() == null ? item : read.projection().apply(item));
        }
        return new TransactGetItemsResponse(responses, capacity.report(request.returnConsumedCapacity(), true));
    }

    private static void checkShape(TransactGetItemsRequest request) {
        List<TransactGetItem> items = request.transactItems();
        ConstraintViolations v = new ConstraintViolations();
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.notNull("transactItems", items).sizeAtLeast("transactItems", items, 1).noNullElements("transactItems", items);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) continue;
                String path = "transactItems." + (i + 1) + ".member.get";
                TransactGet get = items.get(i).get();
                v.notNull(path, get);
                if (get == null) continue;
                v.noNullValues(path + ".expressionAttributeNames", get.expressionAttributeNames());
                v.notNull(path + ".key", get.key()).noNullValues(path + ".key", get.key());
                v.tableName(path + ".tableName", get.tableName());
            }
        }
        v.throwIfAny();
        if (items.size() > MAX_GETS) {
            throw DynamoException.validation("1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_GETS);
        }
        ConstraintViolations required = new ConstraintViolations();
        for (int i = 0; i < items.size(); i++) {
            required.notNull("transactItems." + (i + 1) + ".member.get.tableName", items.get(i).get().tableName());
        }
        required.throwIfAny();
    }

    /** Checked in GetItem's order: the table, the key, then the projection. */
    private static Read prepare(TransactGet get, StorageBinding.Bound bound, AccessCheck access, int actions, int index) {
        WriteConditions.checkAttributeMapsNeedExpressions(get.expressionAttributeNames(), null, named(),
                named("ProjectionExpression", get.projectionExpression()));
        TableDefinition table = access.requireTable(bound, "dynamodb:GetItem", get.tableName());
        get.key().values().forEach(AttributeValueRules::check);
        ItemRef ref;
        try {
            ref = ItemRef.of(table, KeySchemaRules.ofKey(table, get.key()));
        } catch (DynamoException keyMismatch) {
            // A key that does not fit the table cancels the transaction, as in TransactWriteItems.
            throw Cancellations.cancelledBy(actions, index, Cancellations.validationError(keyMismatch.getMessage()));
        }
        ExpressionAttributes attributes = new ExpressionAttributes(get.expressionAttributeNames(), null);
        Projection projection = ReadSelection.projection(get.projectionExpression(), null, attributes);
        attributes.checkAllUsed();
        return new Read(table, ref, projection);
    }
}
