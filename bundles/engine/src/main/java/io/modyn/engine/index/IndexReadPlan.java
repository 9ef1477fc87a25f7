package io.modyn.engine.index;

import static io.modyn.engine.index.IndexSchemaRules.invalid;

import io.modyn.api.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a Query or Scan of an index can answer from its entries alone. A global index can only
 * return what it projects, and DynamoDB refuses a read that asks for more (all attributes,
 * unprojected attributes, or a filter on them). A local index shares its table's partition, so
 * DynamoDB completes its entries from the table instead, at the cost of a table read per item.
 *
 * @param fetchFromTable whether each entry read is replaced by its item from the table
 * @param projectedOnly whether the read returns the projected attributes only (Select
 *     ALL_PROJECTED_ATTRIBUTES, which is also the default for an index without a projection)
 */
public record IndexReadPlan(TableIndex index, boolean fetchFromTable, boolean projectedOnly) {

    /**
     * @param select the Select parameter, or null
     * @param requested the top-level attributes asked for (see {@link RequestedAttributes}), or null
     * @param filterAttributes the top-level attributes the filter reads
     */
    public static IndexReadPlan of(TableIndex index, String select, Set<String> requested, Set<String> filterAttributes) {
        boolean allAttributes = "ALL_ATTRIBUTES".equals(select) && !index.projectsAll();
        boolean projectedOnly = "ALL_PROJECTED_ATTRIBUTES".equals(select) || (select == null && requested == null);
        List<String> unprojected = requested == null ? List.of() : requested.stream().filter(a -> !index.projects(a)).toList();
        List<String> unprojectedFilter = filterAttributes.stream().filter(a -> !index.projects(a)).toList();
        // A filter may only read projected attributes, on local indexes too (unlike the projection,
        // which a local index may satisfy from the table).
        if (!unprojectedFilter.isEmpty()) {
            throw invalid("Secondary index " + index.name() + " does not project one or more filter attributes: " + unprojectedFilter);
        }
        if (!index.global()) {
            return new IndexReadPlan(index, allAttributes || !unprojected.isEmpty(), projectedOnly);
        }
        if (allAttributes) {
            throw invalid("Select type ALL_ATTRIBUTES is not supported for global secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
        if (!unprojected.isEmpty()) throw invalid("Global secondary index " + index.name() + " does not project " + unprojected);
        return new IndexReadPlan(index, false, projectedOnly);
    }

    /** An item as the read returns it before any ProjectionExpression: cut to the projection when only that is asked for. */
    public Map<String, AttributeValue> shape(Map<String, AttributeValue> item) {
        return fetchFromTable && projectedOnly ? index.project(item) : item;
    }
}
