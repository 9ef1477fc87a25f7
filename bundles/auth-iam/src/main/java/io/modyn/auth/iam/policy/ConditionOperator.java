package io.modyn.auth.iam.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * IAM's condition operators. Each negated operator is the negation of a positive one, applied per
 * request value: a value satisfies StringNotEquals when it equals none of the policy's values. A
 * negated operator on an absent key is true (the values "do not match"), as AWS documents; the
 * {@code IfExists} suffix and the {@code ForAllValues:}/{@code ForAnyValue:} prefixes are parsed by
 * {@link Condition}, not listed here.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Family.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false, Comparison.EQ),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true, Comparison.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false, Comparison.LT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false, Comparison.LE),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false, Comparison.GT),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false, Comparison.GE),
    DATE_EQUALS("DateEquals", Family.DATE, false, Comparison.EQ),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true, Comparison.EQ),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false, Comparison.LT),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false, Comparison.LE),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false, Comparison.GT),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false, Comparison.GE),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** How values are read and compared; variables are substituted only in String and Arn values. */
    enum Family {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL;

        boolean takesVariables() {
            return this == STRING || this == STRING_IGNORE_CASE || this == STRING_LIKE || this == ARN;
        }
    }

    /** For ordered families: how the request value must stand to the policy value. */
    enum Comparison {
        EQ, LT, LE, GT, GE;

        boolean holds(int compareRequestToPolicy) {
            switch (this) {
                case EQ:
                    return compareRequestToPolicy == 0;
                case LT:
                    return compareRequestToPolicy < 0;
                case LE:
                    return compareRequestToPolicy <= 0;
                case GT:
                    return compareRequestToPolicy > 0;
                default:
                    return compareRequestToPolicy >= 0;
            }
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.iamName, op);
        }
    }

    final String iamName;
    final Family family;
    final boolean negated;
    final Comparison comparison;

    ConditionOperator(String iamName, Family family, boolean negated) {
        this(iamName, family, negated, Comparison.EQ);
    }

    ConditionOperator(String iamName, Family family, boolean negated, Comparison comparison) {
        this.iamName = iamName;
        this.family = family;
        this.negated = negated;
        this.comparison = comparison;
    }

    /** @return the operator with exactly this name (IAM's spelling), or null */
    static ConditionOperator named(String name) {
        return BY_NAME.get(name);
    }
}
