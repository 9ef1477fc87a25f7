package io.modyn.engine.index;

import io.modyn.api.dynamodb.Condition;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.query.KeyCondition;
import io.modyn.engine.query.KeyConditionExpressions;
import io.modyn.engine.query.LegacyKeyConditions;
import java.util.List;
import java.util.Map;

/**
 * The key condition of a Query on an index (KeyConditionExpression or the legacy KeyConditions).
 * An index with one partition and at most one sort attribute follows exactly the rules (and
 * messages) of a table's key condition, checked against the index's key schema; a multi-attribute
 * key has rules of its own ({@link MultiAttributeKeyConditions}).
 */
public final class IndexKeyConditions {

    private static final byte[] NO_PREFIX = new byte[0];

    private IndexKeyConditions() {
    }

    /** @param expression the KeyConditionExpression, or null when {@code legacy} (KeyConditions) is given */
    public static IndexKeyCondition parse(String expression, Map<String, Condition> legacy, TableIndex index,
            ExpressionAttributes attributes) {
        if (index.multiAttribute()) {
            return expression != null
                    ? MultiAttributeKeyConditions.fromExpression(expression, index, attributes)
                    : MultiAttributeKeyConditions.fromLegacy(legacy, index);
        }
        KeyCondition condition = expression != null
                ? KeyConditionExpressions.parse(expression, index.asKeyTable(), attributes)
                : LegacyKeyConditions.parse(legacy, index.asKeyTable());
        // The table-style range is over the sort value alone; entries continue with the table key.
        return new IndexKeyCondition(List.of(condition.partitionValue()), condition.partition(), IndexKeyCodec.componentRange(NO_PREFIX, condition.sortRange()));
    }
}
