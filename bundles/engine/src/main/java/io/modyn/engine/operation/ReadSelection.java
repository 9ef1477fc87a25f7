package io.modyn.engine.operation;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.Projection;
import io.modyn.engine.expr.ProjectionExpressions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a read returns of each item: the Select parameter together with ProjectionExpression or
 * the legacy AttributesToGet, checked against each other as DynamoDB checks them.
 */
final class ReadSelection {

    private final boolean countOnly;
    private final Projection projection;

    private ReadSelection(boolean countOnly, Projection projection) {
        this.countOnly = countOnly;
        this.projection = projection;
    }

    static ReadSelection of(String select, String projectionExpression, List<String> attributesToGet, String indexName,
            ExpressionAttributes attributes) {
        String projectionParameter = projectionExpression != null ? "ProjectionExpression" : attributesToGet != null ? "AttributesToGet" : null;
        String effective = select != null ? select : projectionParameter != null ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES";
        if ("ALL_PROJECTED_ATTRIBUTES".equals(effective) && indexName == null) {
            throw DynamoException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (!"SPECIFIC_ATTRIBUTES".equals(effective) && projectionParameter != null) {
            String what = "COUNT".equals(effective) ? "only the Count" : effective;
            throw DynamoException.validation("Cannot specify the " + projectionParameter + " when choosing to get " + what);
        }
        if ("SPECIFIC_ATTRIBUTES".equals(effective) && projectionParameter == null) {
            throw DynamoException.validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        return new ReadSelection("COUNT".equals(effective), projection(projectionExpression, attributesToGet, attributes));
    }

    /** The projection of a GetItem or BatchGetItem, which have no Select parameter. */
    static Projection projection(String projectionExpression, List<String> attributesToGet, ExpressionAttributes attributes) {
        if (projectionExpression != null) return ProjectionExpressions.compile(projectionExpression, attributes);
        if (attributesToGet != null) return ProjectionExpressions.attributesToGet(attributesToGet);
        return null;
    }

    /** Attributes the projection reaches into (a.b, a[0]), for the key-attribute checks. */
    Set<String> nestedAttributes() {
        return projection == null ? Set.of() : projection.nestedAttributes();
    }

    boolean countOnly() {
        return countOnly;
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return projection == null ? item : projection.apply(item);
    }
}
