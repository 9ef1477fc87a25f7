package io.modyn.engine.authorization;

import static io.modyn.api.auth.ConditionKeys.ENCLOSING_OPERATION;
import static io.modyn.api.auth.ConditionKeys.FULL_TABLE_SCAN;
import static io.modyn.api.auth.ConditionKeys.RETURN_CONSUMED_CAPACITY;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.model.AttributeValue;

/**
 * What PartiQL statements ask IAM. As IAM's Service Authorization Reference lists them, each
 * statement is authorized as its PartiQL action, not as the item operation it runs as:
 *
 * <pre>
 * statement   action                   resource                   dynamodb:LeadingKeys        other keys
 * SELECT      dynamodb:PartiQLSelect   table, or table/T/index/I  the partition value, if any dynamodb:FullTableScan (true for a scan)
 * INSERT      dynamodb:PartiQLInsert   table                      the item's partition value
 * UPDATE      dynamodb:PartiQLUpdate   table                      the key's partition value
 * DELETE      dynamodb:PartiQLDelete   table                      the key's partition value
 * EXISTS      dynamodb:PartiQLSelect   table                      the key's partition value
 * </pre>
 *
 * Every statement carries the request's ReturnConsumedCapacity when sent, and inside
 * BatchExecuteStatement or ExecuteTransaction {@code dynamodb:EnclosingOperation} naming it.
 */
public final class PartiqlAccess {

    private PartiqlAccess() {
    }

    /**
     * @param indexName the index read, or null for the table
     * @param leadingKey the partition key value the read is confined to, or null for a scan
     * @param enclosingOperation BatchExecuteStatement or ExecuteTransaction, or null
     */
    public static AuthorizationRequest select(ResourceArns arns, String tableName, String indexName, AttributeValue leadingKey,
            String returnConsumedCapacity, String enclosingOperation) {
        return new ConditionValues()
                .leadingKey(leadingKey)
                .put(FULL_TABLE_SCAN, Boolean.toString(leadingKey == null))
                .put(RETURN_CONSUMED_CAPACITY, returnConsumedCapacity)
                .put(ENCLOSING_OPERATION, enclosingOperation)
                .on("dynamodb:PartiQLSelect", indexName == null ? arns.table(tableName) : arns.index(tableName, indexName));
    }

    /** @param action dynamodb:PartiQLInsert, PartiQLUpdate, PartiQLDelete or PartiQLSelect (EXISTS) */
    public static AuthorizationRequest write(ResourceArns arns, String action, String tableName, AttributeValue leadingKey,
            String returnConsumedCapacity, String enclosingOperation) {
        return new ConditionValues()
                .leadingKey(leadingKey)
                .put(RETURN_CONSUMED_CAPACITY, returnConsumedCapacity)
                .put(ENCLOSING_OPERATION, enclosingOperation)
                .on(action, arns.table(tableName));
    }
}
