package io.modyn.auth.iam.policy;

import java.util.List;
import java.util.Locale;

/**
 * One condition key under one operator, e.g. {@code "ForAllValues:StringEquals":
 * {"dynamodb:Attributes": ["id", "name"]}}. A statement holds all its conditions (AND); the values
 * of one condition are alternatives (OR).
 *
 * <p>How a request's values meet the policy's values, as IAM documents it:
 * <ul>
 * <li>absent key (or no values): true with {@code ...IfExists}; else {@code ForAllValues:} true,
 *     {@code ForAnyValue:} false, a negated operator true, a positive operator false;</li>
 * <li>{@code ForAllValues:} every request value satisfies the operator; {@code ForAnyValue:} at
 *     least one does;</li>
 * <li>no set prefix: a positive operator holds when some request value matches some policy value, a
 *     negated one when no request value matches any (for one request value, plain negation);</li>
 * <li>{@code Null}: {@code "true"} holds when the key is absent, {@code "false"} when present.</li>
 * </ul>
 */
final class Condition {

    enum SetQualifier {
        NONE, FOR_ALL_VALUES, FOR_ANY_VALUE
    }

    private final ConditionOperator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final ConditionValues values;
    private final boolean nullWhenAbsent;
    private final boolean nullWhenPresent;

    private Condition(ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key,
            List<String> policyValues, boolean variablesEnabled) {
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key.toLowerCase(Locale.ROOT);
        if (operator == ConditionOperator.NULL) {
            this.values = null;
            this.nullWhenAbsent = policyValues.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            this.nullWhenPresent = policyValues.stream().anyMatch(v -> v.equalsIgnoreCase("false"));
        } else {
            this.values = ConditionValues.compile(operator, policyValues, variablesEnabled);
            this.nullWhenAbsent = false;
            this.nullWhenPresent = false;
        }
    }

    /**
     * @param operatorName the JSON name, e.g. {@code ForAnyValue:StringLikeIfExists}
     * @throws MalformedPolicyException for an operator IAM does not know
     */
    static Condition compile(String operatorName, String key, List<String> policyValues, boolean variablesEnabled) {
        SetQualifier qualifier = SetQualifier.NONE;
        String name = operatorName;
        if (name.startsWith("ForAllValues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            name = name.substring("ForAllValues:".length());
        } else if (name.startsWith("ForAnyValue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            name = name.substring("ForAnyValue:".length());
        }
        boolean ifExists = false;
        ConditionOperator op = ConditionOperator.named(name);
        if (op == null && name.endsWith("IfExists")) {
            ifExists = true;
            op = ConditionOperator.named(name.substring(0, name.length() - "IfExists".length()));
        }
        if (op == null || op == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw MalformedPolicyException.syntax();
        }
        return new Condition(op, qualifier, ifExists, key, policyValues, variablesEnabled);
    }

    boolean holds(AuthorizationRequest request) {
        List<String> present = request.values(key);
        boolean absent = present == null || present.isEmpty();
        if (operator == ConditionOperator.NULL) {
            return absent ? nullWhenAbsent : nullWhenPresent;
        }
        if (absent) {
            if (ifExists) {
                return true;
            }
            switch (qualifier) {
                case FOR_ALL_VALUES:
                    return true;
                case FOR_ANY_VALUE:
                    return false;
                default:
                    return operator.negated;
            }
        }
        ConditionValues.ValueTest test = values.bind(request);
        int wanted = operator.negated ? ConditionValues.NO_MATCH : ConditionValues.MATCH;
        boolean all = qualifier == SetQualifier.FOR_ALL_VALUES
                || qualifier == SetQualifier.NONE && operator.negated;
        for (int i = 0, n = present.size(); i < n; i++) {
            boolean satisfied = test.test(present.get(i)) == wanted;
            if (all && !satisfied) {
                return false;
            }
            if (!all && satisfied) {
                return true;
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return (qualifier == SetQualifier.NONE ? "" : qualifier + ":") + operator.iamName + (ifExists ? "IfExists" : "")
                + " " + key;
    }
}
