package io.modyn.engine.operation;

import io.modyn.api.dynamodb.ListTablesRequest;
import io.modyn.api.dynamodb.ListTablesResponse;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.List;

/** ListTables: names in ascending order, at most 100 a page. */
public final class ListTablesOperation {

    private static final int MAX_LIMIT = 100;

    public ListTablesResponse execute(ListTablesRequest request, StorageBinding.Bound bound, AccessCheck access) {
        String start = request.exclusiveStartTableName();
        new ConstraintViolations()
                .tableName("exclusiveStartTableName", start)
                .atLeast("limit", request.limit(), 1)
                .atMost("limit", request.limit(), MAX_LIMIT)
                .throwIfAny();
        access.require(ControlPlaneAccess::listTables);
        int limit = request.limit() == null ? MAX_LIMIT : request.limit();
        List<String> names = bound.catalog().names().stream().filter(n -> start == null || n.compareTo(start) > 0).toList();
        if (names.size() <= limit) return new ListTablesResponse(names, null);
        List<String> page = names.subList(0, limit);
        return new ListTablesResponse(List.copyOf(page), page.get(page.size() - 1));
    }
}
