package io.modyn.engine.authorization;

import static io.modyn.api.auth.ConditionKeys.RETURN_CONSUMED_CAPACITY;
import static io.modyn.api.auth.ConditionKeys.SELECT;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.index.TableIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Query, Scan and BatchGetItem ask IAM, one method per operation:
 *
 * <pre>
 * operation      action                 resource                  dynamodb:LeadingKeys               dynamodb:Attributes                                other keys
 * Query          dynamodb:Query         table, or table/T/index/I the key condition's partition      table (and index) key names + projected + filter   Select, ReturnConsumedCapacity
 *                                                                 value (the index's, for an index)
 * Scan           dynamodb:Scan          table, or table/T/index/I -                                  table (and index) key names + projected + filter   Select, ReturnConsumedCapacity
 * BatchGetItem   dynamodb:BatchGetItem  each table                every key's partition value        key names + projected names                        Select, ReturnConsumedCapacity
 * </pre>
 *
 * Select is the one sent, else DynamoDB's default: SPECIFIC_ATTRIBUTES with a projection,
 * ALL_PROJECTED_ATTRIBUTES for an index, ALL_ATTRIBUTES otherwise. Scan carries no
 * dynamodb:FullTableScan: IAM's Service Authorization Reference lists that key for
 * dynamodb:PartiQLSelect only (a SELECT without a partition key equality), not for dynamodb:Scan,
 * so a policy denying full table scans must not deny Scan here either.
 */
public final class ReadAccess {

    private ReadAccess() {
    }

    /** @param index the queried index, or null for the table; @param partitionValues the key condition's partition value(s) */
    public static List<AuthorizationRequest> query(ResourceArns arns, QueryRequest request, TableDefinition table, TableIndex index,
            List<AttributeValue> partitionValues, ItemCondition filter) {
        ConditionValues values = new ConditionValues();
        partitionValues.forEach(values::leadingKey);
        return List.of(readOf(values, table, index, request.select(), request.projectionExpression(), request.attributesToGet(),
                request.expressionAttributeNames(), filter)
                .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                .on("dynamodb:Query", resource(arns, table, index)));
    }

    /** @param index the scanned index, or null for the table */
    public static List<AuthorizationRequest> scan(ResourceArns arns, ScanRequest request, TableDefinition table, TableIndex index,
            ItemCondition filter) {
        return List.of(readOf(new ConditionValues(), table, index, request.select(), request.projectionExpression(),
                request.attributesToGet(), request.expressionAttributeNames(), filter)
                .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                .on("dynamodb:Scan", resource(arns, table, index)));
    }

    /** One request per table, in the order the request lists them. */
    public static List<AuthorizationRequest> batchGetItem(ResourceArns arns, BatchGetItemRequest request, Map<String, TableDefinition> tables) {
        List<AuthorizationRequest> requests = new ArrayList<>(request.requestItems().size());
        request.requestItems().forEach((tableName, read) -> {
            TableDefinition table = tables.get(tableName);
            ConditionValues values = new ConditionValues();
            for (Map<String, AttributeValue> key : read.keys()) values.leadingKey(key.get(table.partitionKeyName()));
            Set<String> projected = ItemAttributes.projected(read.projectionExpression(), read.attributesToGet(), read.expressionAttributeNames());
            requests.add(values.attributes(ItemAttributes.keyNames(table))
                    .attributes(projected)
                    .put(SELECT, projected == null ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES")
                    .put(RETURN_CONSUMED_CAPACITY, request.returnConsumedCapacity())
                    .on("dynamodb:BatchGetItem", arns.table(table.tableName())));
        });
        return requests;
    }

    private static ConditionValues readOf(ConditionValues values, TableDefinition table, TableIndex index, String select,
            String projectionExpression, List<String> attributesToGet, Map<String, String> names, ItemCondition filter) {
        Set<String> projected = ItemAttributes.projected(projectionExpression, attributesToGet, names);
        values.attributes(index == null ? ItemAttributes.keyNames(table) : index.keyAttributes())
                .attributes(projected)
                .attributes(ItemAttributes.readBy(filter));
        String effective = select != null ? select
                : projected != null ? "SPECIFIC_ATTRIBUTES"
                : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        return values.put(SELECT, effective);
    }

    private static String resource(ResourceArns arns, TableDefinition table, TableIndex index) {
        return index == null ? arns.table(table.tableName()) : arns.index(table.tableName(), index.name());
    }
}
