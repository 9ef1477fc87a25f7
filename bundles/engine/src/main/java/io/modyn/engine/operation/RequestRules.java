package io.modyn.engine.operation;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks shared by several operations, with DynamoDB's messages.
 *
 * <p>Table names follow two sets of rules. The item operations (GetItem, PutItem, UpdateItem,
 * DeleteItem, Query, Scan) take 1 to 255 characters, so a two-character name is only a table that
 * does not exist; the table operations (CreateTable, DescribeTable, DeleteTable, UpdateTable, the
 * TTL operations) take 3 to 255. Since DynamoDB's 2026 validation framework, an empty name on an
 * item operation is answered alone, naming the member as the request spells it
 * ({@code Value at 'TableName'}), unless the request also lacks its key or item: then the older
 * per-value form reports every violation together ({@code Value '' at 'tableName'}), as captured
 * in us-east-1 and eu-west-2 in October 2026.
 */
final class RequestRules {

    private static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private RequestRules() {
    }

    /** An item operation's table name, for a request whose key or item is present. */
    static ConstraintViolations tableName(String tableName) {
        if (tableName != null && tableName.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value at 'TableName' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        return itemTableName(tableName);
    }

    /** An item operation's table name, beside the member the request cannot go without (its key or item). */
    static ConstraintViolations tableName(String tableName, Object requiredMember) {
        return requiredMember == null ? itemTableName(tableName) : tableName(tableName);
    }

    /** A table operation's table name: 3 to 255 characters, every violation reported. */
    static ConstraintViolations tableOperationName(String tableName) {
        return new ConstraintViolations().notNull("tableName", tableName).tableName("tableName", tableName);
    }

    /** CreateTable's name, which has a sentence of its own when it is missing. */
    static ConstraintViolations newTableName(String tableName) {
        if (tableName == null) {
            throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        return tableOperationName(tableName);
    }

    /**
     * The batch operations' RequestItems maps are keyed by table name; a key that breaks the name
     * rules is one violation of the whole map, listing every rule whichever was broken.
     */
    static boolean hasBadTableName(Map<String, ?> requestItems) {
        for (String name : requestItems.keySet()) {
            if (name == null || name.length() < 3 || name.length() > 255 || !NAME.matcher(name).matches()) return true;
        }
        return false;
    }

    static final String TABLE_NAME_MAP_KEYS = "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
            + "Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: " + NAME_PATTERN + "]";

    static void returnConsumedCapacity(ConstraintViolations v, String value) {
        v.oneOf("returnConsumedCapacity", value, Enums.RETURN_CONSUMED_CAPACITY);
    }

    private static ConstraintViolations itemTableName(String tableName) {
        ConstraintViolations v = new ConstraintViolations().notNull("tableName", tableName);
        // An empty name breaks only the length rule in DynamoDB's report, not the pattern.
        if (tableName != null && !tableName.isEmpty()) v.pattern("tableName", tableName, NAME_PATTERN);
        return v.lengthAtLeast("tableName", tableName, 1).lengthAtMost("tableName", tableName, 255);
    }
}
