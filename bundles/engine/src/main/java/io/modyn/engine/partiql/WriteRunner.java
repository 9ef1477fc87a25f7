package io.modyn.engine.partiql;

import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.DeleteItemResponse;
import io.modyn.api.dynamodb.PutItemResponse;
import io.modyn.api.dynamodb.UpdateItemResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.partiql.plan.WritePlan;
import java.util.Map;

/**
 * Runs a planned INSERT, UPDATE or DELETE as the engine's PutItem, UpdateItem or DeleteItem
 * (already authorized as PartiQL, so with {@link AccessCheck#OPEN}). An INSERT whose
 * {@code attribute_not_exists} guard fails is DynamoDB's DuplicateItemException.
 */
final class WriteRunner {

    /** @param returned the attributes RETURNING asked for, or null */
    record Outcome(Map<String, AttributeValue> returned, ConsumedCapacity consumedCapacity) {
    }

    private final ItemOperations operations;

    WriteRunner(ItemOperations operations) {
        this.operations = operations;
    }

    Outcome run(WritePlan plan, StorageBinding.Bound bound, String returnConsumedCapacity, String returnValuesOnConditionCheckFailure) {
        try {
            switch (plan.kind()) {
                case INSERT -> {
                    PutItemResponse response = operations.put().execute(
                            plan.putItem(returnConsumedCapacity, returnValuesOnConditionCheckFailure), bound, AccessCheck.OPEN);
                    return new Outcome(null, response.consumedCapacity());
                }
                case UPDATE -> {
                    UpdateItemResponse response = operations.update().execute(
                            plan.updateItem(returnConsumedCapacity, returnValuesOnConditionCheckFailure), bound, AccessCheck.OPEN);
                    return new Outcome(response.attributes(), response.consumedCapacity());
                }
                case DELETE -> {
                    DeleteItemResponse response = operations.delete().execute(
                            plan.deleteItem(returnConsumedCapacity, returnValuesOnConditionCheckFailure), bound, AccessCheck.OPEN);
                    return new Outcome(response.attributes(), response.consumedCapacity());
                }
                default -> throw PartiqlErrors.existsOutsideTransaction();
            }
        } catch (DynamoException e) {
            if (plan.kind() == WritePlan.Kind.INSERT && e.type() == ErrorType.CONDITIONAL_CHECK_FAILED) throw PartiqlErrors.duplicateItem();
            throw EngineErrors.asStatementError(e);
        }
    }
}
