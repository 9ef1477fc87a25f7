package io.modyn.engine.partiql.plan;

import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.model.AttributeValue;
import java.util.Map;

/** How a SELECT runs: a point read of one key, a Query of one partition, or a Scan. */
public sealed interface SelectPlan {

    Target target();

    ItemShape shape();

    /**
     * A GetItem. DynamoDB's point reads have no filter, so a condition beyond the key is applied
     * to the item read, by the engine's evaluator.
     *
     * @param filterExpression the remaining condition, or null; its names and values are given
     */
    record PointRead(Target target, GetItemRequest request, String filterExpression, Map<String, String> names,
                     Map<String, AttributeValue> values, ItemShape shape) implements SelectPlan {
    }

    /** @param partition the partition key value the Query reads */
    record QueryRead(Target target, QueryRequest request, ItemShape shape, AttributeValue partition) implements SelectPlan {
    }

    record ScanRead(Target target, ScanRequest request, ItemShape shape) implements SelectPlan {
    }

    /** The partition key value the read is confined to, or null for a scan. */
    default AttributeValue leadingKey() {
        if (this instanceof PointRead p) return p.request().key().get(target().partitionKey());
        if (this instanceof QueryRead q) return q.partition();
        return null;
    }
}
