package io.modyn.engine.expr;

import static io.modyn.engine.expr.Values.item;
import static io.modyn.engine.expr.Values.names;
import static io.modyn.engine.expr.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks on ExpressionAttributeNames/Values made before any expression is parsed (dynalite's tests). */
class ExpressionAttributesTest {

    private static String error(Map<String, String> names, Map<String, AttributeValue> values) {
        return assertThrows(DynamoException.class, () -> new ExpressionAttributes(names, values)).getMessage();
    }

    @Test
    void presentMapsMustNotBeEmpty() {
        assertEquals("ExpressionAttributeNames must not be empty", error(Map.of(), Map.of()));
        assertEquals("ExpressionAttributeValues must not be empty", error(null, Map.of()));
    }

    @Test
    void keysMustBeWellFormedPlaceholders() {
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"", error(names("a", "a"), null));
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"", error(names("#a-b", "a"), null));
        assertEquals("ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"", error(null, item(":b", s("a"), "b", s("a"))));
        new ExpressionAttributes(names("#_1", "x"), item(":_", s("y")));
    }

    @Test
    void valuesMustBeValidAttributeValues() {
        assertEquals("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                + "An string set  may not be empty for key :b", error(null, item(":b", new AttributeValue.SS(List.of()))));
        assertEquals("ExpressionAttributeValues contains invalid value: Number overflow. Attempting to store a number with magnitude "
                + "larger than supported range for key :b", error(null, item(":b", new AttributeValue.N(new BigDecimal("1e126")))));
    }
}
