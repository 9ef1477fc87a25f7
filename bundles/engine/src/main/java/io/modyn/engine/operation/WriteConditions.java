package io.modyn.engine.operation;

import io.modyn.api.dynamodb.ExpectedAttributeValue;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.expr.ConditionExpressions;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.legacy.LegacyConditions;
import io.modyn.engine.validation.RequestCheckFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for the conditional parameters of a request: an expression and its legacy
 * counterpart may not be mixed, expression attribute maps only come with expressions, and the
 * values they hold must be valid attribute values.
 */
final class WriteConditions {

    private WriteConditions() {
    }

    /**
     * DynamoDB's message for a request that mixes the two styles, listing the parameters of each
     * style that the request used.
     */
    static void checkNotMixed(Map<String, Object> nonExpressionParameters, Map<String, Object> expressionParameters) {
        List<String> legacy = present(nonExpressionParameters);
        List<String> expressions = present(expressionParameters);
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            throw DynamoException.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
                    + String.join(", ", expressions) + "}");
        }
    }

    /**
     * Expression attribute maps are refused when the request has no expression that could use
     * them; for values DynamoDB names the expressions that are missing ("ConditionExpression is
     * null", "UpdateExpression and ConditionExpression are null").
     *
     * @param valueExpressions the request's expressions that may hold :values, by parameter name
     * @param nameExpressions the request's expressions that may hold #names, by parameter name
     */
    static void checkAttributeMapsNeedExpressions(Map<String, String> names, Map<String, AttributeValue> values,
            Map<String, Object> valueExpressions, Map<String, Object> nameExpressions) {
        if (values != null && present(valueExpressions).isEmpty()) {
            List<String> missing = List.copyOf(valueExpressions.keySet());
            throw RequestCheckFailure.of("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", missing) + (missing.size() > 1 ? " are null" : " is null"),
                    "ExpressionAttributeValues can only be specified when using expressions");
        }
        if (names != null && present(nameExpressions).isEmpty()) {
            throw RequestCheckFailure.of("ExpressionAttributeNames can only be specified when using expressions");
        }
    }

    /** The compiled condition of a write (ConditionExpression or Expected), or null if it has none. */
    static ItemCondition compile(String conditionExpression, Map<String, ExpectedAttributeValue> expected, String conditionalOperator,
            ExpressionAttributes attributes) {
        if (conditionExpression != null) return ConditionExpressions.compile(conditionExpression, "ConditionExpression", attributes);
        if (expected != null) return LegacyConditions.expected(expected, conditionalOperator);
        if (conditionalOperator != null) {
            throw DynamoException.validation("ConditionalOperator can only be used when Expected or QueryFilter or ScanFilter is present");
        }
        return null;
    }

    /** Parameter names and values in the order DynamoDB lists them: name, value, name, value, ... */
    static Map<String, Object> named(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return parameters;
    }

    private static List<String> present(Map<String, Object> parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (value != null) names.add(name);
        });
        return names;
    }
}
