package io.modyn.engine.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modyn.api.model.AttributeDefinition;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ExpressionAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KeyConditionExpression errors as real DynamoDB words them (public conformance suite, captured in
 * eu-west-2, October 2026): operands no key could match are expression errors naming the operator
 * as written; operands of another key type fail the schema check.
 */
class KeyConditionExpressionsTest {

    private static final String SCHEMA = "One or more parameter values were invalid: Condition parameter type does not match schema type";
    private static final TableDefinition NUMBER_SORTED = table("N");
    private static final TableDefinition STRING_SORTED = table("S");

    @Test
    void anOperandNoKeyCouldMatchIsAnExpressionErrorNamingTheOperatorAsWritten() {
        assertEquals(operand("begins_with", "N"), error(STRING_SORTED, "pk = :p AND begins_with(sk, :v)", Map.of(":v", n("1"))));
        assertEquals(operand("begins_with", "BOOL"), error(STRING_SORTED, "pk = :p AND begins_with(sk, :v)", Map.of(":v", bool())));
        assertEquals(operand("begins_with", "N"), error(NUMBER_SORTED, "pk = :p AND begins_with(sk, :v)", Map.of(":v", n("1"))));
        assertEquals(operand("<", "BOOL"), error(NUMBER_SORTED, "pk = :p AND sk < :v", Map.of(":v", bool())));
        assertEquals(operand(">=", "BOOL"), error(NUMBER_SORTED, "pk = :p AND :v >= sk", Map.of(":v", bool())));
        assertEquals(operand("BETWEEN", "BOOL"), error(NUMBER_SORTED, "pk = :p AND sk BETWEEN :v AND :w", Map.of(":v", bool(), ":w", bool())));
    }

    @Test
    void anOperandOfAnotherKeyTypeFailsTheSchemaCheck() {
        assertEquals(SCHEMA, error(NUMBER_SORTED, "pk = :p AND begins_with(sk, :v)", Map.of(":v", new AttributeValue.S("a"))));
        assertEquals(SCHEMA, error(NUMBER_SORTED, "pk = :p AND sk = :v", Map.of(":v", bool())));
    }

    @Test
    void conditionsAreCountedAgainstTheKeyAfterTheOnePerKeyRule() {
        assertEquals("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
                error(NUMBER_SORTED, "pk = :p AND sk > :v AND sk < :w", Map.of(":v", n("1"), ":w", n("5"))));
        assertEquals("The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)",
                error(NUMBER_SORTED, "pk = :p AND sk > :v AND extra = :w", Map.of(":v", n("1"), ":w", n("5"))));
    }

    private static String error(TableDefinition table, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(":p", new AttributeValue.S("q"));
        return assertThrows(DynamoException.class,
                () -> KeyConditionExpressions.parse(expression, table, new ExpressionAttributes(null, all))).getMessage();
    }

    private static String operand(String operator, String type) {
        return "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type;
    }

    private static AttributeValue n(String text) {
        return new AttributeValue.N(new java.math.BigDecimal(text));
    }

    private static AttributeValue bool() {
        return new AttributeValue.Bool(true);
    }

    private static TableDefinition table(String sortType) {
        return TableDefinition.builder().tableName("t").tableId("id")
                .attributeDefinitions(List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", sortType)))
                .keySchema(List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE"))).build();
    }
}
