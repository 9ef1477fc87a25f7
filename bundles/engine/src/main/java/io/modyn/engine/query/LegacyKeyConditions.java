package io.modyn.engine.query;

import io.modyn.api.dynamodb.Condition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.query.KeyConditionTerm.Operator;
import java.util.Map;

/** Turns the legacy {@code KeyConditions} parameter on a table's key into a {@link KeyCondition}. */
public final class LegacyKeyConditions {

    private LegacyKeyConditions() {
    }

    public static KeyCondition parse(Map<String, Condition> conditions, TableDefinition table) {
        String partitionKey = table.partitionKeyName();
        String sortKey = table.sortKeyName();
        if (conditions.size() > 2) throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        AttributeValue partitionValue = null;
        KeyConditionTerm sortCondition = null;
        for (Map.Entry<String, Condition> entry : conditions.entrySet()) {
            KeyConditionTerm term = legacyTerm(entry.getKey(), entry.getValue());
            if (term.attribute().equals(partitionKey)) {
                if (term.operator() != Operator.EQ) throw KeyConditionTerms.unsupported();
                term.checkType(table.attributeType(partitionKey));
                partitionValue = term.first();
            } else if (term.attribute().equals(sortKey)) {
                term.checkType(table.attributeType(sortKey));
                if (term.operator() == Operator.BETWEEN && term.boundsReversed()) {
                    throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
                }
                sortCondition = term;
            } else {
                throw KeyConditionTerms.missedKey(sortKey != null && conditions.containsKey(partitionKey) ? sortKey : partitionKey);
            }
        }
        if (partitionValue == null) throw KeyConditionTerms.missedKey(partitionKey);
        byte[] partition = KeySchemaRules.encode(partitionKey, partitionValue, true);
        KeyRange range = sortCondition == null ? KeyRange.all() : sortCondition.valueRange();
        return new KeyCondition(partitionValue, partition, range);
    }

    /** A legacy condition, with the legacy wording for a prefix condition on a number. */
    private static KeyConditionTerm legacyTerm(String attribute, Condition condition) {
        KeyConditionTerm term = KeyConditionTerms.legacy(attribute, condition);
        if (term.operator() == Operator.BEGINS_WITH && term.first() instanceof AttributeValue.N) {
            throw DynamoException.validation("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        }
        return term;
    }
}
