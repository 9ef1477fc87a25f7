package io.modyn.engine.expr;

import static io.modyn.engine.expr.Values.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.DynamoException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyAttributeRulesTest {

    /** dynalite test/scan.js and getItem.js: reaching into a key attribute with '.' or '[]'. */
    @Test
    void expressionsMayNotReachIntoKeyAttributes() {
        ItemCondition filter = ConditionExpressions.compile("attribute_exists(a.b.c) and #k[0] = b", "FilterExpression",
                new ExpressionAttributes(Values.names("#k", "pk"), null));
        DynamoException e = assertThrows(DynamoException.class, () -> KeyAttributeRules.requireScalarKeys(filter.nestedAttributes(), table(false)));
        assertEquals("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk", e.getMessage());
        Projection projection = ProjectionExpressions.compile("pk, a.b", new ExpressionAttributes(null, null));
        KeyAttributeRules.requireScalarKeys(projection.nestedAttributes(), table(false));
    }

    /** A Query filter may not name key attributes; the partition key is named first. */
    @Test
    void queryFiltersMayNotNameKeyAttributes() {
        DynamoException e = assertThrows(DynamoException.class,
                () -> KeyAttributeRules.requireNonKeyFilter(Set.of("x", "sk", "pk"), table(true), "Filter Expression"));
        assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: pk", e.getMessage());
        e = assertThrows(DynamoException.class, () -> KeyAttributeRules.requireNonKeyFilter(Set.of("sk"), table(true), "QueryFilter"));
        assertEquals("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk", e.getMessage());
        KeyAttributeRules.requireNonKeyFilter(Set.of("x"), table(true), "QueryFilter");
    }
}
