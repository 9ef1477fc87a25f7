package io.modyn.engine.metrics;

import io.modyn.api.dynamodb.BatchGetItemRequest;
import io.modyn.api.dynamodb.BatchWriteItemRequest;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import java.util.List;
import java.util.Map;

/**
 * The one table a request names, for requests that may name several: a metric's TableName
 * dimension holds one table, so a request over several (or none) is reported without one. Read
 * only on a failed request, straight from the request as the client sent it (null members and all).
 */
final class TableNames {

    private TableNames() {
    }

    static String none(Object request) {
        return null;
    }

    static String of(BatchGetItemRequest request) {
        return onlyKey(request.requestItems());
    }

    static String of(BatchWriteItemRequest request) {
        return onlyKey(request.requestItems());
    }

    static String of(TransactWriteItemsRequest request) {
        List<TransactWriteItem> items = request.transactItems();
        if (items == null) return null;
        String table = null;
        for (TransactWriteItem item : items) {
            String named = item == null ? null : tableOf(item);
            if (named == null || (table != null && !table.equals(named))) return null;
            table = named;
        }
        return table;
    }

    static String of(TransactGetItemsRequest request) {
        List<TransactGetItem> items = request.transactItems();
        if (items == null) return null;
        String table = null;
        for (TransactGetItem item : items) {
            String named = item == null || item.get() == null ? null : item.get().tableName();
            if (named == null || (table != null && !table.equals(named))) return null;
            table = named;
        }
        return table;
    }

    /** Whether a PartiQL statement reads (SELECT), the kind DynamoDB counts ReturnedItemCount for. */
    static boolean isSelect(String statement) {
        if (statement == null) return false;
        int i = 0;
        while (i < statement.length() && Character.isWhitespace(statement.charAt(i))) i++;
        return statement.regionMatches(true, i, "SELECT", 0, 6);
    }

    private static String tableOf(TransactWriteItem item) {
        if (item.put() != null) return item.put().tableName();
        if (item.update() != null) return item.update().tableName();
        if (item.delete() != null) return item.delete().tableName();
        if (item.conditionCheck() != null) return item.conditionCheck().tableName();
        return null;
    }

    private static String onlyKey(Map<String, ?> requestItems) {
        if (requestItems == null || requestItems.size() != 1) return null;
        return requestItems.keySet().iterator().next();
    }
}
