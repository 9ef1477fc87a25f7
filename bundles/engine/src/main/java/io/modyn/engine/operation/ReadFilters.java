package io.modyn.engine.operation;

import io.modyn.api.dynamodb.Condition;
import io.modyn.engine.expr.ConditionExpressions;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.legacy.LegacyConditions;
import java.util.Map;

/** The filter of a Query or Scan: FilterExpression, or the legacy QueryFilter/ScanFilter. */
final class ReadFilters {

    private ReadFilters() {
    }

    /** @return the compiled filter, or null when the request has none */
    static ItemCondition compile(String filterExpression, Map<String, Condition> legacyFilter, String conditionalOperator,
            String legacyParameter, ExpressionAttributes attributes) {
        if (filterExpression != null) return ConditionExpressions.compile(filterExpression, "FilterExpression", attributes);
        if (legacyFilter != null) return LegacyConditions.filter(legacyFilter, conditionalOperator, legacyParameter);
        return null;
    }
}
