package io.modyn.engine.authorization;

import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.policy.ResourcePolicyStore;
import io.modyn.engine.stream.StreamResources;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request's view of its resources' resource-based policies: a table's policy (which governs its
 * indexes too) or a stream's own, read from storage the first time the authorizer asks for it and
 * kept for the rest of the request. DynamoDB's policies are not required: within the account an
 * identity-based allow suffices.
 */
final class TableResourcePolicies implements ResourcePolicies {

    private static final String STREAM = "/stream/";

    private final StorageBinding storage;
    private final ResourceArns arns;
    private Map<String, Optional<ResourcePolicy>> byResource;

    TableResourcePolicies(StorageBinding storage, ResourceArns arns) {
        this.storage = storage;
        this.arns = arns;
    }

    @Override
    public synchronized Optional<ResourcePolicy> of(String resourceArn) {
        String tableName = arns.tableOf(resourceArn);
        if (tableName == null) return Optional.empty();
        String rest = resourceArn.substring(arns.table(tableName).length());
        String streamLabel = rest.startsWith(STREAM) ? rest.substring(STREAM.length()) : null;
        if (streamLabel != null && !StreamResources.isLabel(streamLabel)) return Optional.empty();
        if (byResource == null) byResource = new HashMap<>();
        String key = streamLabel == null ? tableName : tableName + STREAM + streamLabel;
        return byResource.computeIfAbsent(key, k -> read(tableName, streamLabel));
    }

    private Optional<ResourcePolicy> read(String tableName, String streamLabel) {
        StorageBinding.Bound bound = storage.require();
        String tableId;
        if (streamLabel == null) {
            TableDefinition table = bound.catalog().find(tableName);
            tableId = table == null ? null : table.tableId();
        } else {
            tableId = StreamResources.tableIdOf(bound, tableName, streamLabel);
        }
        if (tableId == null) return Optional.empty();
        ResourcePolicyStore.StoredPolicy stored = ResourcePolicyStore.find(bound.storage(), tableId, streamLabel);
        return stored == null ? Optional.empty() : Optional.of(new ResourcePolicy(stored.document(), false));
    }
}
