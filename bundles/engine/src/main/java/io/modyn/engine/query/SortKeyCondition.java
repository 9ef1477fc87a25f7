package io.modyn.engine.query;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.item.KeySchemaRules;

/** One condition on the sort key, as an operator and one or two values, and its key range. */
record SortKeyCondition(Operator operator, AttributeValue first, AttributeValue second) {

    enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    KeyRange toRange(String sortKeyName) {
        byte[] a = KeySchemaRules.encode(sortKeyName, first, false);
        return switch (operator) {
            case EQ -> KeyRange.exactly(a);
            case LT -> new KeyRange(null, false, a, false);
            case LE -> new KeyRange(null, false, a, true);
            case GT -> new KeyRange(a, false, null, false);
            case GE -> new KeyRange(a, true, null, false);
            case BETWEEN -> new KeyRange(a, true, KeySchemaRules.encode(sortKeyName, second, false), true);
            case BEGINS_WITH -> KeyRange.prefix(a);
        };
    }
}
