package io.modyn.engine.expr.update;

import io.modyn.api.model.DynamoException;

/**
 * DynamoDB's errors for an update that parsed and validated but cannot apply to this item. They
 * carry no "Invalid UpdateExpression:" prefix, as in DynamoDB.
 */
public final class UpdateErrors {

    private UpdateErrors() {
    }

    /** A SET, ADD or REMOVE whose parent map or list does not exist or has another type. */
    public static DynamoException invalidPath() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }

    /** A SET value that reads a path the item does not have (outside if_not_exists). */
    public static DynamoException missingAttribute() {
        return DynamoException.validation("The provided expression refers to an attribute that does not exist in the item");
    }

    /** Arithmetic on a non-number, list_append on a non-list, ADD or DELETE on a value of another type. */
    public static DynamoException incorrectType() {
        return DynamoException.validation("An operand in the update expression has an incorrect data type");
    }
}
