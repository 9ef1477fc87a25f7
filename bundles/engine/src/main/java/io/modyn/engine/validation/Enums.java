package io.modyn.engine.validation;

import java.util.List;

/** The enum value sets of DynamoDB's API, in the order DynamoDB lists them in its messages. */
public final class Enums {

    private Enums() {
    }

    public static final List<String> BILLING_MODE = List.of("PROVISIONED", "PAY_PER_REQUEST");
    public static final List<String> SCALAR_ATTRIBUTE_TYPE = List.of("B", "N", "S");
    public static final List<String> KEY_TYPE = List.of("HASH", "RANGE");
    public static final List<String> RETURN_VALUE = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
    public static final List<String> RETURN_CONSUMED_CAPACITY = List.of("INDEXES", "TOTAL", "NONE");
    public static final List<String> RETURN_ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");
    public static final List<String> RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = List.of("ALL_OLD", "NONE");
    public static final List<String> SELECT = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");
    public static final List<String> ATTRIBUTE_ACTION = List.of("ADD", "PUT", "DELETE");
    /** In the order DynamoDB prints the set in its messages. */
    public static final List<String> CONDITIONAL_OPERATOR = List.of("OR", "AND");
}
