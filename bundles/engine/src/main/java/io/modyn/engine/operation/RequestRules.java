package io.modyn.engine.operation;

import io.modyn.api.model.DynamoException;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;

/** Checks shared by several operations, with DynamoDB's messages. */
final class RequestRules {

    private RequestRules() {
    }

    /** DynamoDB checks a table name's length first, with a message of its own. */
    static void tableNameLength(String tableName) {
        if (tableName != null && (tableName.length() < 3 || tableName.length() > 255)) {
            throw DynamoException.validation("TableName must be at least 3 characters long and at most 255 characters long");
        }
    }

    static ConstraintViolations tableName(String tableName) {
        tableNameLength(tableName);
        return new ConstraintViolations().notNull("tableName", tableName).pattern("tableName", tableName, "[a-zA-Z0-9_.-]+");
    }

    static void returnConsumedCapacity(ConstraintViolations v, String value) {
        v.oneOf("returnConsumedCapacity", value, Enums.RETURN_CONSUMED_CAPACITY);
    }
}
