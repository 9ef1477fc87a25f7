package io.modyn.engine.expr;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.KeySchemaElement;
import io.modyn.api.model.TableDefinition;
import java.util.Set;

/**
 * The rules DynamoDB applies to key attributes in expressions once the table is known (so after the
 * table lookup, unlike the expression checks, which come before it).
 */
public final class KeyAttributeRules {

    private KeyAttributeRules() {
    }

    /**
     * Key attributes are scalars, so no expression may reach into one: for the attributes a
     * condition, filter, projection or update reaches into with '.' or '[]'.
     */
    public static void requireScalarKeys(Set<String> nestedAttributes, TableDefinition table) {
        for (KeySchemaElement key : table.keySchema()) {
            if (nestedAttributes.contains(key.attributeName())) {
                throw DynamoException.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' "
                        + "are not allowed: Key: " + key.attributeName());
            }
        }
    }

    /** An update may not write or remove a key attribute (UpdateExpression and AttributeUpdates alike). */
    public static void requireKeysNotUpdated(Set<String> updatedAttributes, TableDefinition table) {
        for (String attribute : updatedAttributes) {
            for (KeySchemaElement key : table.keySchema()) {
                if (key.attributeName().equals(attribute)) {
                    throw DynamoException.validation("One or more parameter values were invalid: Cannot update attribute " + attribute
                            + ". This attribute is part of the key");
                }
            }
        }
    }

    /**
     * A Query filter may not read key attributes, which belong in the key condition.
     *
     * @param parameter "Filter Expression" for FilterExpression, "QueryFilter" for the legacy parameter
     */
    public static void requireNonKeyFilter(Set<String> attributes, TableDefinition table, String parameter) {
        for (KeySchemaElement key : table.keySchema()) {
            if (attributes.contains(key.attributeName())) {
                throw DynamoException.validation(parameter + " can only contain non-primary key attributes: Primary key attribute: "
                        + key.attributeName());
            }
        }
    }
}
