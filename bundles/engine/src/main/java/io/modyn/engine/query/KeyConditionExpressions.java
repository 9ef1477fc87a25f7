package io.modyn.engine.query;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.query.KeyConditionTerm.Operator;
import java.util.List;

/**
 * Turns a KeyConditionExpression on a table's key into a {@link KeyCondition}: an equality on the
 * partition key, optionally AND one of {@code = < <= > >= BETWEEN begins_with} on the sort key, in
 * either order.
 */
public final class KeyConditionExpressions {

    private KeyConditionExpressions() {
    }

    public static KeyCondition parse(String expression, TableDefinition table, ExpressionAttributes attributes) {
        List<KeyConditionTerm> terms = KeyConditionTerms.parse(expression, attributes);
        String partitionKey = table.partitionKeyName();
        String sortKey = table.sortKeyName();
        if (terms.stream().map(KeyConditionTerm::attribute).distinct().count() < terms.size()) throw KeyConditionTerms.onePerKey();
        if (terms.size() > 2) throw KeyConditionTerms.tooManyConditions(terms.size(), sortKey == null ? 1 : 2);
        if (terms.stream().noneMatch(t -> t.attribute().equals(partitionKey))) throw KeyConditionTerms.missedKey(partitionKey);
        AttributeValue partitionValue = null;
        KeyConditionTerm sortCondition = null;
        for (KeyConditionTerm term : terms) {
            if (term.attribute().equals(partitionKey)) {
                if (term.operator() != Operator.EQ) throw KeyConditionTerms.unsupported();
                term.checkType(table.attributeType(partitionKey));
                partitionValue = term.first();
            } else if (term.attribute().equals(sortKey)) {
                term.checkType(table.attributeType(sortKey));
                term.checkExpressionOperands();
                sortCondition = term;
            } else if (sortKey != null) {
                throw KeyConditionTerms.missedKey(sortKey);
            } else {
                throw KeyConditionTerms.unsupported();
            }
        }
        byte[] partition = KeySchemaRules.encode(partitionKey, partitionValue, true);
        KeyRange range = sortCondition == null ? KeyRange.all() : sortCondition.valueRange();
        return new KeyCondition(partitionValue, partition, range);
    }
}
