package io.modyn.engine.authorization;

import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.Tag;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.control.TableTags;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request's view of its resources' tags: a table's tags (an index or stream carries its
 * table's), read from storage the first time the authorizer asks for them and kept for the rest of
 * the request. Requests whose policies test no resource tag never read them.
 */
final class TableResourceTags implements ResourceTags {

    private final StorageBinding storage;
    private final ResourceArns arns;
    private Map<String, Map<String, String>> byTable;

    TableResourceTags(StorageBinding storage, ResourceArns arns) {
        this.storage = storage;
        this.arns = arns;
    }

    @Override
    public synchronized Map<String, String> of(String resourceArn) {
        String tableName = arns.tableOf(resourceArn);
        if (tableName == null) return Map.of();
        if (byTable == null) byTable = new HashMap<>();
        return byTable.computeIfAbsent(tableName, this::read);
    }

    private Map<String, String> read(String tableName) {
        StorageBinding.Bound bound = storage.require();
        TableDefinition table = bound.catalog().find(tableName);
        if (table == null) return Map.of();
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : TableTags.list(bound.storage(), table)) tags.put(tag.key(), tag.value());
        return Collections.unmodifiableMap(tags);
    }
}
