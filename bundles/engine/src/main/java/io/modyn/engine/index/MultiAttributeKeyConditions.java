package io.modyn.engine.index;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.KeyRange;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.item.KeySchemaRules;
import io.modyn.engine.query.KeyConditionTerm;
import io.modyn.engine.query.KeyConditionTerm.Operator;
import io.modyn.engine.query.KeyConditionTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key conditions on a global index with a multi-attribute key (DynamoDB, November 2025): an
 * equality on every partition attribute, and conditions on the sort attributes from the first one
 * on, without gaps, where only the last condition given may be something other than an equality
 * ({@code < <= > >= BETWEEN begins_with}). A missing attribute is reported as DynamoDB reports a
 * missing key element; other violations as an unsupported key condition.
 */
final class MultiAttributeKeyConditions {

    private MultiAttributeKeyConditions() {
    }

    static IndexKeyCondition fromExpression(String expression, TableIndex index, ExpressionAttributes attributes) {
        return build(index, KeyConditionTerms.parse(expression, attributes));
    }

    static IndexKeyCondition fromLegacy(Map<String, io.modyn.api.dynamodb.Condition> conditions, TableIndex index) {
        List<KeyConditionTerm> terms = new ArrayList<>();
        conditions.forEach((attribute, condition) -> terms.add(KeyConditionTerms.legacy(attribute, condition)));
        return build(index, terms);
    }

    private static IndexKeyCondition build(TableIndex index, List<KeyConditionTerm> terms) {
        Map<String, KeyConditionTerm> byAttribute = new LinkedHashMap<>();
        for (KeyConditionTerm term : terms) {
            if (byAttribute.put(term.attribute(), term) != null) {
                throw KeyConditionTerms.onePerKey();
            }
        }
        List<String> partitionNames = index.partitionKeyNames();
        List<String> sortNames = index.sortKeyNames();
        for (String name : partitionNames) if (!byAttribute.containsKey(name)) throw KeyConditionTerms.missedKey(name);
        // Sort attributes are used left to right: every one before the last one named needs an
        // equality condition (DynamoDB names the first that lacks one, and the last one named).
        int lastNamed = -1;
        for (int i = 0; i < sortNames.size(); i++) if (byAttribute.containsKey(sortNames.get(i))) lastNamed = i;
        for (int i = 0; i < lastNamed; i++) {
            KeyConditionTerm earlier = byAttribute.get(sortNames.get(i));
            if (earlier == null || earlier.operator() != Operator.EQ) {
                throw DynamoException.validation("RANGE key attributes " + sortNames.get(i) + " must have equality conditions specified "
                        + "in the query because a condition is present on key attribute " + sortNames.get(lastNamed));
            }
        }
        int used = lastNamed + 1;
        for (String attribute : byAttribute.keySet()) {
            if (!partitionNames.contains(attribute) && !sortNames.contains(attribute)) {
                if (used < sortNames.size()) throw KeyConditionTerms.missedKey(sortNames.get(used));
                throw KeyConditionTerms.unsupported();
            }
        }
        for (KeyConditionTerm term : terms) check(index, term);
        for (String name : partitionNames) if (byAttribute.get(name).operator() != Operator.EQ) throw KeyConditionTerms.unsupported();

        byte[] partition;
        if (partitionNames.size() == 1) {
            partition = encode(byAttribute.get(partitionNames.get(0)).first(), partitionNames.get(0), true);
        } else {
            List<byte[]> components = new ArrayList<>();
            for (String name : partitionNames) components.add(IndexKeyCodec.component(encode(byAttribute.get(name).first(), name, true)));
            partition = IndexKeyCodec.concat(components.toArray(byte[][]::new));
        }
        List<AttributeValue> partitionValues = partitionNames.stream().map(name -> byAttribute.get(name).first()).toList();
        if (used == 0) return new IndexKeyCondition(partitionValues, partition, KeyRange.all());
        List<byte[]> prefix = new ArrayList<>();
        for (int i = 0; i + 1 < used; i++) {
            prefix.add(IndexKeyCodec.component(encode(byAttribute.get(sortNames.get(i)).first(), sortNames.get(i), false)));
        }
        KeyConditionTerm last = byAttribute.get(sortNames.get(used - 1));
        return new IndexKeyCondition(partitionValues, partition, IndexKeyCodec.componentRange(IndexKeyCodec.concat(prefix.toArray(byte[][]::new)),
                last.valueRange()));
    }

    private static byte[] encode(AttributeValue value, String attribute, boolean partition) {
        return KeySchemaRules.encode(attribute, value, partition);
    }

    private static void check(TableIndex index, KeyConditionTerm term) {
        term.checkType(index.table().attributeType(term.attribute()));
        term.checkExpressionOperands();
    }
}
