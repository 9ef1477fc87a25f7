package io.modyn.engine.partiql;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;

/**
 * DynamoDB's PartiQL error messages, in one place. The wording is DynamoDB's own, as its service
 * and DynamoDB Local answer, and as the public conformance suite pins it.
 */
public final class PartiqlErrors {

    private PartiqlErrors() {
    }

    /** A statement the grammar rejects: "Statement wasn't well formed, can't be processed: {detail}". */
    public static DynamoException malformed(String detail) {
        return DynamoException.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    public static DynamoException unexpectedCharacter(char c) {
        return malformed("Unexpected character: " + c);
    }

    public static DynamoException incompleteKey() {
        return DynamoException.validation("Where clause does not contain a mandatory equality on all key attributes");
    }

    public static DynamoException parameterCountMismatch() {
        return DynamoException.validation("Number of parameters in request and statement don't match.");
    }

    public static DynamoException duplicateItem() {
        return new DynamoException(ErrorType.DUPLICATE_ITEM, "Duplicate primary key exists in table");
    }

    public static DynamoException noSuchIndex() {
        return DynamoException.validation("The table does not have the specified index");
    }

    public static DynamoException tooManyPathComponents() {
        return DynamoException.validation("A path may contain at most 2 components in the FROM clause");
    }

    public static DynamoException emptyPathComponent() {
        return DynamoException.validation("Path component cannot be an empty string");
    }

    public static DynamoException consistentReadOnGlobalIndex() {
        return DynamoException.validation("Strongly consistent read is not supported on Global Secondary Indexes");
    }

    public static DynamoException operationOnIndex() {
        return DynamoException.validation("This operation is not supported on an index");
    }

    public static DynamoException invalidDeleteReturning(String clause) {
        return DynamoException.validation("Invalid returning clause: RETURNING " + clause + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }

    public static DynamoException returningInInsert() {
        return DynamoException.validation("RETURNING is not supported in INSERT");
    }

    public static DynamoException starWithOtherAttributes() {
        return DynamoException.validation("Other attributes should not be present in the projection when '*' is used.");
    }

    public static DynamoException unsupported(String what) {
        return DynamoException.validation("Unsupported operation: " + what);
    }

    public static DynamoException unrecognizedFunction(String name) {
        return DynamoException.validation("Unrecognized function: " + name);
    }

    public static DynamoException existsOutsideTransaction() {
        return DynamoException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
    }

    public static DynamoException orderByWithoutWhere() {
        return DynamoException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
    }

    public static DynamoException orderByWithoutHashKey() {
        return DynamoException.validation("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
    }

    public static DynamoException orderByNotKey(String name) {
        return DynamoException.validation("Variable reference " + name + " in ORDER BY clause must be part of the primary key");
    }

    public static DynamoException multiAttributeKeys() {
        return DynamoException.validation(
                "PartiQL statements cannot be executed on tables with multi-attribute HASH keys or multi-attribute RANGE keys.");
    }

    public static DynamoException invalidNextToken() {
        return DynamoException.validation("Invalid NextToken");
    }

    public static DynamoException nextTokenMismatch() {
        return DynamoException.validation("NextToken does not match request");
    }

    public static DynamoException unsupportedDataTypeInBag() {
        return DynamoException.validation("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    }

    public static DynamoException emptyBag() {
        return DynamoException.validation("Empty bags are not supported");
    }

    public static DynamoException missingMustUseIs() {
        return DynamoException.validation("MISSING must be compared using IS operator");
    }
}
