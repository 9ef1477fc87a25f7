package io.modyn.engine.legacy;

import io.modyn.api.dynamodb.AttributeValueUpdate;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ItemUpdate;
import io.modyn.engine.expr.KeyAttributeRules;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.update.CompiledUpdate;
import io.modyn.engine.expr.update.SetArithmetic;
import io.modyn.engine.expr.update.UpdateStep;
import io.modyn.engine.item.AttributeValueRules;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the legacy AttributeUpdates parameter (PUT, ADD, DELETE actions on top-level
 * attributes; Action defaults to PUT). An empty map is a valid update that changes nothing (it
 * still creates a missing item).
 */
public final class LegacyUpdates {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyUpdates() {
    }

    /** @param table for the key attributes, which may not be updated; null skips that check (see {@link KeyAttributeRules}) */
    public static ItemUpdate compile(Map<String, AttributeValueUpdate> updates, TableDefinition table) {
        ConstraintViolations violations = new ConstraintViolations();
        updates.forEach((name, update) -> violations.oneOf("attributeUpdates." + name + ".member.action", update.action(), Enums.ATTRIBUTE_ACTION));
        violations.throwIfAny();
        List<UpdateStep> steps = new ArrayList<>();
        updates.forEach((name, update) -> steps.add(step(name, update)));
        CompiledUpdate update = new CompiledUpdate(steps, Set.of());
        if (table != null) KeyAttributeRules.requireKeysNotUpdated(update.updatedAttributes(), table);
        return update;
    }

    private static UpdateStep step(String name, AttributeValueUpdate update) {
        String action = update.action() == null ? "PUT" : update.action();
        AttributeValue value = update.value();
        if (value == null && !action.equals("DELETE")) {
            throw DynamoException.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
        }
        if (value != null) {
            AttributeValueRules.check(value);
            if (action.equals("DELETE") && !SetArithmetic.isSet(value)) {
                throw DynamoException.validation(INVALID + "DELETE action with value is not supported for the type " + value.typeName());
            }
            if (action.equals("ADD") && !(value instanceof AttributeValue.N || value instanceof AttributeValue.L || SetArithmetic.isSet(value))) {
                throw DynamoException.validation(INVALID + "ADD action is not supported for the type " + value.typeName());
            }
        }
        return new AttributeUpdateStep(ResolvedPath.of(name), action, value);
    }
}
