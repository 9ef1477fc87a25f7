package io.modyn.itests.support;

/**
 * DynamoDB's answers to a TransactWriteItems or TransactGetItems whose TransactItems list is empty
 * or longer than 100, as regular expressions for {@link DynamoAssertions#assertValidationErrorMatching}.
 * Two wordings are DynamoDB's: the older names the member {@code transactItems} and echoes the list,
 * the newer, rolling out region by region since October 2026, names {@code TransactItems} without
 * the value (paritysuite/dynamodb-conformance, captures/2026-10-08-transact-write-rollout.json).
 */
public final class TransactItemsConstraints {

    /** An empty TransactItems list. */
    public static final String NONE = "1 validation error detected: (Value '\\[\\]' at 'transactItems'|Value at 'TransactItems') "
            + "failed to satisfy constraint: Member must have length greater than or equal to 1";

    /** More than 100 actions. */
    public static final String TOO_MANY = "1 validation error detected: (Value '\\[.+\\]' at 'transactItems'|Value at 'TransactItems') "
            + "failed to satisfy constraint: Member must have length less than or equal to 100";

    private TransactItemsConstraints() {
    }
}
