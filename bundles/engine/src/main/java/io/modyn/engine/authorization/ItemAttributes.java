package io.modyn.engine.authorization;

import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.index.RequestedAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribute names behind {@code dynamodb:Attributes}: the table's key attributes (DynamoDB
 * counts them in every request that names an item, which is why its documentation asks policies
 * restricting attributes to list the key attributes), what a read projects, what a condition reads.
 * The requests were validated already, so nothing here fails.
 */
final class ItemAttributes {

    private ItemAttributes() {
    }

    static List<String> keyNames(TableDefinition table) {
        return table.keySchema().stream().map(KeySchemaElement::attributeName).toList();
    }

    /** The top-level names a ProjectionExpression or AttributesToGet asks for; null when the read returns whole items. */
    static Set<String> projected(String projectionExpression, List<String> attributesToGet, Map<String, String> names) {
        return RequestedAttributes.of(projectionExpression, attributesToGet, new ExpressionAttributes(names, null));
    }

    /** The top-level names a condition, filter or update reads; empty without one. */
    static Set<String> readBy(ItemCondition condition) {
        if (condition == null) return Set.of();
        Set<String> names = new LinkedHashSet<>(condition.attributes());
        names.addAll(condition.nestedAttributes());
        return names;
    }
}
