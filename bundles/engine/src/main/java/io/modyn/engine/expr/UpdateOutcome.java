package io.modyn.engine.expr;

import io.modyn.api.model.AttributeValue;
import java.util.Map;

/**
 * The result of applying an update to an item.
 *
 * @param item the whole item after the update
 * @param updatedOld the updated attributes as they were before (ReturnValues=UPDATED_OLD), holding
 *        only the updated document paths
 * @param updatedNew the updated attributes as they are after (ReturnValues=UPDATED_NEW)
 */
public record UpdateOutcome(Map<String, AttributeValue> item, Map<String, AttributeValue> updatedOld, Map<String, AttributeValue> updatedNew) {
}
