package io.modyn.engine.query;

import io.modyn.api.dynamodb.Condition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.item.KeyEncoder;
import io.modyn.engine.item.KeySchemaRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns the legacy {@code KeyConditions} parameter into a {@link KeyCondition}. */
public final class LegacyKeyConditions {

    private LegacyKeyConditions() {
    }

    public static KeyCondition parse(Map<String, Condition> conditions, TableDefinition table) {
        String partitionKey = table.partitionKeyName();
        String sortKey = table.sortKeyName();
        if (conditions.size() > 2) throw DynamoException.validation("Conditions can be of length 1 or 2 only");
        AttributeValue partitionValue = null;
        SortKeyCondition sortCondition = null;
        for (Map.Entry<String, Condition> entry : conditions.entrySet()) {
            String attribute = entry.getKey();
            SortKeyCondition condition = condition(entry.getValue());
            if (attribute.equals(partitionKey)) {
                if (condition.operator() != SortKeyCondition.Operator.EQ) {
                    throw DynamoException.validation("Query key condition not supported");
                }
                partitionValue = condition.first();
                checkType(table, partitionKey, partitionValue);
            } else if (attribute.equals(sortKey)) {
                checkType(table, sortKey, condition.first());
                if (condition.second() != null) checkType(table, sortKey, condition.second());
                if (condition.operator() == SortKeyCondition.Operator.BETWEEN
                        && Arrays.compareUnsigned(KeyEncoder.encode(condition.first()), KeyEncoder.encode(condition.second())) > 0) {
                    throw DynamoException.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
                }
                sortCondition = condition;
            } else {
                throw DynamoException.validation("Query condition missed key schema element: " + (sortKey != null && conditions.containsKey(partitionKey) ? sortKey : partitionKey));
            }
        }
        if (partitionValue == null) throw DynamoException.validation("Query condition missed key schema element: " + partitionKey);
        byte[] partition = KeySchemaRules.encode(partitionKey, partitionValue, true);
        KeyRange range = sortCondition == null ? KeyRange.all() : sortCondition.toRange(sortKey);
        return new KeyCondition(partitionValue, partition, range);
    }

    private static SortKeyCondition condition(Condition condition) {
        String op = condition.comparisonOperator();
        List<AttributeValue> values = condition.attributeValueList() == null ? List.of() : condition.attributeValueList();
        SortKeyCondition.Operator operator = switch (op == null ? "" : op) {
            case "EQ" -> SortKeyCondition.Operator.EQ;
            case "LT" -> SortKeyCondition.Operator.LT;
            case "LE" -> SortKeyCondition.Operator.LE;
            case "GT" -> SortKeyCondition.Operator.GT;
            case "GE" -> SortKeyCondition.Operator.GE;
            case "BETWEEN" -> SortKeyCondition.Operator.BETWEEN;
            case "BEGINS_WITH" -> SortKeyCondition.Operator.BEGINS_WITH;
            default -> throw DynamoException.validation("Attempted conditional constraint is not an indexable operation");
        };
        int expected = operator == SortKeyCondition.Operator.BETWEEN ? 2 : 1;
        if (values.size() != expected) {
            throw DynamoException.validation("One or more parameter values were invalid: Invalid number of argument(s) for the "
                    + op + " ComparisonOperator");
        }
        if (operator == SortKeyCondition.Operator.BEGINS_WITH && values.get(0) instanceof AttributeValue.N) {
            throw DynamoException.validation("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        }
        return new SortKeyCondition(operator, values.get(0), expected == 2 ? values.get(1) : null);
    }

    private static void checkType(TableDefinition table, String attribute, AttributeValue value) {
        if (!table.attributeType(attribute).equals(value.typeName())) {
            throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}
