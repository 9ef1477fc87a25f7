package io.modyn.engine.partiql;

import io.modyn.api.dynamodb.ConsumedCapacity;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.dynamodb.QueryResponse;
import io.modyn.api.dynamodb.ScanResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.expr.ConditionExpressions;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.partiql.plan.SelectPlan;
import java.util.List;
import java.util.Map;

/**
 * Runs a planned SELECT as the engine's GetItem, Query or Scan. The statement has been authorized
 * as PartiQL already, so the operation runs with {@link AccessCheck#OPEN}.
 */
final class SelectRunner {

    /** One page of a SELECT: its items (shaped), where the next page starts (or null), and its capacity. */
    record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey, ConsumedCapacity consumedCapacity) {
    }

    private final ItemOperations operations;

    SelectRunner(ItemOperations operations) {
        this.operations = operations;
    }

    Page run(SelectPlan plan, StorageBinding.Bound bound) {
        try {
            if (plan instanceof SelectPlan.PointRead point) return pointRead(point, bound);
            if (plan instanceof SelectPlan.QueryRead query) {
                QueryResponse response = operations.query().execute(query.request(), bound, AccessCheck.OPEN);
                return new Page(shaped(plan, response.items()), response.lastEvaluatedKey(), response.consumedCapacity());
            }
            ScanResponse response = operations.scan().execute(((SelectPlan.ScanRead) plan).request(), bound, AccessCheck.OPEN);
            return new Page(shaped(plan, response.items()), response.lastEvaluatedKey(), response.consumedCapacity());
        } catch (DynamoException e) {
            throw EngineErrors.asStatementError(e);
        }
    }

    /** The condition beyond the key of a point read, compiled before the read so that its errors do not depend on the item. */
    static ItemCondition filterOf(SelectPlan.PointRead point) {
        if (point.filterExpression() == null) return null;
        try {
            return ConditionExpressions.compile(point.filterExpression(), "FilterExpression",
                    new ExpressionAttributes(point.names(), point.values()));
        } catch (DynamoException e) {
            throw EngineErrors.asStatementError(e);
        }
    }

    /** The item a point read answers: shaped, or null when it is missing or fails the condition. */
    static Map<String, AttributeValue> matched(SelectPlan.PointRead point, ItemCondition filter, Map<String, AttributeValue> item) {
        if (item == null || (filter != null && !filter.test(item))) return null;
        return point.shape().apply(item);
    }

    private Page pointRead(SelectPlan.PointRead point, StorageBinding.Bound bound) {
        ItemCondition filter = filterOf(point);
        GetItemResponse response = operations.get().execute(point.request(), bound, AccessCheck.OPEN);
        Map<String, AttributeValue> item = matched(point, filter, response.item());
        return new Page(item == null ? List.of() : List.of(item), null, response.consumedCapacity());
    }

    private static List<Map<String, AttributeValue>> shaped(SelectPlan plan, List<Map<String, AttributeValue>> items) {
        return items.stream().map(plan.shape()::apply).toList();
    }
}
