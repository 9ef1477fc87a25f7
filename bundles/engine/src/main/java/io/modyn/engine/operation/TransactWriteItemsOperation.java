package io.modyn.engine.operation;

import static io.modyn.engine.operation.WriteConditions.named;

import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.TransactionAccess;
import io.modyn.engine.expr.ConditionExpressions;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.expr.ItemUpdate;
import io.modyn.engine.expr.KeyAttributeRules;
import io.modyn.engine.expr.UpdateExpressions;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.item.ItemCodec;
import io.modyn.engine.item.ItemSize;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.item.PrimaryKey;
import io.modyn.engine.transaction.ActionRequest;
import io.modyn.engine.transaction.Cancellations;
import io.modyn.engine.transaction.ClientRequestTokens;
import io.modyn.engine.transaction.ConflictRetry;
import io.modyn.engine.transaction.DistinctItems;
import io.modyn.engine.transaction.ItemRef;
import io.modyn.engine.transaction.RequestFingerprint;
import io.modyn.engine.transaction.TransactionCapacity;
import io.modyn.engine.transaction.WriteAction;
import io.modyn.engine.transaction.WriteTransaction;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import io.modyn.engine.write.ItemWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransactWriteItems: up to 100 Puts, Updates, Deletes and ConditionChecks over any tables, applied
 * all together or not at all (see {@link WriteTransaction}).
 *
 * <p>The whole request is checked before anything is read, in DynamoDB's order: the request's
 * shape; one action per entry; each action's expressions; its table. Then each action's item: a
 * wrong key or an invalid item cancels the transaction with a ValidationError reason for the first
 * such action and None for the others, as DynamoDB does. Then no item may be named twice.
 */
public final class TransactWriteItemsOperation {

    static final int MAX_ACTIONS = 100;
    static final int MAX_TOKEN_LENGTH = 36;
    /** DynamoDB's limit on the aggregate size of what a transaction sends. */
    static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;

    /** An action's compiled expressions, before its table is known. */
    private record Expressions(ItemCondition condition, ItemUpdate update) {
    }

    private final ClientRequestTokens tokens = new ClientRequestTokens(Clock.systemUTC());
    private final WriteTransaction transaction;

    public TransactWriteItemsOperation(EngineSettings settings, ItemWriter writer) {
        this.transaction = new WriteTransaction(writer, tokens);
    }

    public TransactWriteItemsResponse execute(TransactWriteItemsRequest request, StorageBinding.Bound bound, AccessCheck access) {
        List<ActionRequest> requests = checkShape(request);
        List<Expressions> expressions = new ArrayList<>(requests.size());
        for (ActionRequest a : requests) expressions.add(compile(a));
        List<TableDefinition> tables = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) tables.add(table(requests.get(i), expressions.get(i), bound, access));
        List<WriteAction> actions = checkItems(requests, expressions, tables);
        checkDistinctItems(actions);
        checkPayloadSize(requests);
        access.require(arns -> TransactionAccess.transactWriteItems(arns, request.returnConsumedCapacity(), requests, tables,
                expressions.stream().map(Expressions::condition).toList(), expressions.stream().map(Expressions::update).toList()));

        ClientRequestTokens.Claim claim = request.clientRequestToken() == null ? null
                : new ClientRequestTokens.Claim(request.clientRequestToken(), RequestFingerprint.of(request.transactItems()));
        WriteTransaction.Outcome outcome = ConflictRetry.run(actions.size(), () -> transaction.execute(bound, actions, claim));
        if (claim != null) tokens.sweepExpired(bound.storage());
        return new TransactWriteItemsResponse(capacity(request.returnConsumedCapacity(), actions, outcome, bound), null);
    }

    /** The request's shape, with DynamoDB's constraint messages; the one action of each entry. */
    private static List<ActionRequest> checkShape(TransactWriteItemsRequest request) {
        List<TransactWriteItem> items = request.transactItems();
        ConstraintViolations v = new ConstraintViolations();
        v.lengthAtLeast("clientRequestToken", request.clientRequestToken(), 1)
                .lengthAtMost("clientRequestToken", request.clientRequestToken(), MAX_TOKEN_LENGTH);
        RequestRules.returnConsumedCapacity(v, request.returnConsumedCapacity());
        v.oneOf("returnItemCollectionMetrics", request.returnItemCollectionMetrics(), Enums.RETURN_ITEM_COLLECTION_METRICS);
        v.notNull("transactItems", items).sizeAtLeast("transactItems", items, 1).noNullElements("transactItems", items);
        List<List<ActionRequest>> members = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                List<ActionRequest> set = items.get(i) == null ? List.of() : ActionRequest.membersOf(items.get(i));
                for (ActionRequest a : set) memberRules(v, path(i, a), a);
                members.add(set);
            }
        }
        v.throwIfAny();
        if (items.size() > MAX_ACTIONS) {
            throw DynamoException.validation("1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_ACTIONS);
        }
        // DynamoDB reports missing names and expressions only once the keys and items are present.
        ConstraintViolations required = new ConstraintViolations();
        for (int i = 0; i < members.size(); i++) {
            for (ActionRequest a : members.get(i)) {
                required.notNull(path(i, a) + ".tableName", a.tableName());
                if (a.kind() == WriteAction.Kind.UPDATE) required.notNull(path(i, a) + ".updateExpression", a.updateExpression());
                if (a.kind() == WriteAction.Kind.CONDITION_CHECK) required.notNull(path(i, a) + ".conditionExpression", a.conditionExpression());
            }
        }
        required.throwIfAny();
        List<ActionRequest> actions = new ArrayList<>(members.size());
        for (List<ActionRequest> set : members) {
            if (set.isEmpty()) throw DynamoException.validation("The action or operation requested is invalid. Verify that the action is typed correctly.");
            if (set.size() > 1) throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            actions.add(set.get(0));
        }
        return actions;
    }

    private static void memberRules(ConstraintViolations v, String path, ActionRequest a) {
        v.noNullValues(path + ".expressionAttributeNames", a.expressionAttributeNames());
        v.noNullValues(path + ".expressionAttributeValues", a.expressionAttributeValues());
        String keyPath = path + "." + a.keySourceMember();
        v.notNull(keyPath, a.keySource()).noNullValues(keyPath, a.keySource());
        v.oneOf(path + ".returnValuesOnConditionCheckFailure", a.returnValuesOnConditionCheckFailure(),
                Enums.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
        v.tableName(path + ".tableName", a.tableName());
    }

    private static String path(int index, ActionRequest a) {
        return "transactItems." + (index + 1) + ".member." + a.kind().member();
    }

    /** Expression errors fail the whole request with a ValidationException, as in the single-item operations. */
    private static Expressions compile(ActionRequest a) {
        Map<String, Object> present = a.kind() == WriteAction.Kind.UPDATE
                ? named("UpdateExpression", a.updateExpression(), "ConditionExpression", a.conditionExpression())
                : named("ConditionExpression", a.conditionExpression());
        WriteConditions.checkAttributeMapsNeedExpressions(a.expressionAttributeNames(), a.expressionAttributeValues(), present, present);
        ExpressionAttributes attributes = new ExpressionAttributes(a.expressionAttributeNames(), a.expressionAttributeValues());
        ItemUpdate update = a.kind() == WriteAction.Kind.UPDATE ? UpdateExpressions.compile(a.updateExpression(), attributes, null) : null;
        ItemCondition condition = a.conditionExpression() == null ? null
                : ConditionExpressions.compile(a.conditionExpression(), "ConditionExpression", attributes);
        attributes.checkAllUsed();
        return new Expressions(condition, update);
    }

    /** The action's table, and the rules that need it but still fail the whole request. */
    private static TableDefinition table(ActionRequest a, Expressions expressions, StorageBinding.Bound bound, AccessCheck access) {
        TableDefinition table = access.requireTable(bound, TransactionAccess.actionOf(a.kind()), a.tableName());
        if (expressions.update() != null) {
            KeyAttributeRules.requireKeysNotUpdated(expressions.update().updatedAttributes(), table);
            KeyAttributeRules.requireScalarKeys(expressions.update().nestedAttributes(), table);
        }
        requireNonEmptyKeyValues(table, a.keySource());
        return table;
    }

    /**
     * An empty string or binary key value fails the whole request, unlike the other key errors,
     * which cancel the transaction: KeySchemaRules gives the message.
     */
    private static void requireNonEmptyKeyValues(TableDefinition table, Map<String, AttributeValue> source) {
        for (KeySchemaElement element : table.keySchema()) {
            AttributeValue value = source.get(element.attributeName());
            boolean empty = value instanceof AttributeValue.S s && s.value().isEmpty()
                    || value instanceof AttributeValue.B b && b.value().length == 0;
            if (empty && value.typeName().equals(table.attributeType(element.attributeName()))) {
                KeySchemaRules.encode(element.attributeName(), value, element.keyType().equals("HASH"));
            }
        }
    }

    /** Each action's key and item; the first invalid one cancels the transaction with a ValidationError. */
    private static List<WriteAction> checkItems(List<ActionRequest> requests, List<Expressions> expressions, List<TableDefinition> tables) {
        List<WriteAction> actions = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ActionRequest a = requests.get(i);
            TableDefinition table = tables.get(i);
            try {
                PrimaryKey key;
                if (a.kind() == WriteAction.Kind.PUT) {
                    AttributeValueRules.checkItem(a.item());
                    key = KeySchemaRules.ofItem(table, a.item());
                    ItemSize.checkedSize(a.item());
                } else {
                    a.key().values().forEach(AttributeValueRules::check);
                    key = KeySchemaRules.ofKey(table, a.key());
                }
                actions.add(new WriteAction(a.kind(), table, key, expressions.get(i).condition(),
                        ReturnValues.isAllOld(a.returnValuesOnConditionCheckFailure()), a.item(), expressions.get(i).update()));
            } catch (DynamoException e) {
                if (e.type() != ErrorType.VALIDATION) throw e;
                throw Cancellations.cancelledBy(requests.size(), i, Cancellations.validationError(e.getMessage()));
            }
        }
        return actions;
    }

    private static void checkDistinctItems(List<WriteAction> actions) {
        DistinctItems.check(actions.stream().map(WriteAction::ref).toList());
    }

    /** What the request carries: new items, keys and expression values. */
    private static void checkPayloadSize(List<ActionRequest> requests) {
        long size = 0;
        for (ActionRequest a : requests) {
            size += ItemSize.of(a.keySource());
            if (a.expressionAttributeValues() != null) size += ItemSize.of(a.expressionAttributeValues());
        }
        if (size > MAX_PAYLOAD_BYTES) {
            // DynamoDB's exact wording is not documented; its message speaks of the transaction's size limit.
            throw DynamoException.validation("Transaction size cannot exceed 4 MB: the aggregate size of the items in the transaction is too large");
        }
    }

    /**
     * Two write units per item written (per KB of the larger of the old and new item, as PutItem
     * and UpdateItem charge), a ConditionCheck counting as a write of the item it checks. A retry
     * that the token showed already done reports, as DynamoDB documents, the read units of reading
     * each item.
     */
    private static List<ConsumedCapacity> capacity(String returnConsumedCapacity, List<WriteAction> actions, WriteTransaction.Outcome outcome,
            StorageBinding.Bound bound) {
        if (!TransactionCapacity.requested(returnConsumedCapacity)) return null;
        TransactionCapacity capacity = new TransactionCapacity();
        for (int i = 0; i < actions.size(); i++) {
            WriteAction action = actions.get(i);
            if (outcome.replayed()) {
                ItemRef ref = action.ref();
                byte[] stored = bound.storage().get(ref.keyspace(), ref.partition(), ref.sort());
                capacity.add(action.table().tableName(), CapacityUnits.read(stored == null ? 0 : ItemSize.of(ItemCodec.decode(stored)), true));
            } else {
                long size = Math.max(sizeOf(outcome.before().get(i)), sizeOf(outcome.after().get(i)));
                capacity.add(action.table().tableName(), CapacityUnits.write(size));
            }
        }
        return capacity.report(returnConsumedCapacity, outcome.replayed());
    }

    private static long sizeOf(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }
}
