package io.modyn.engine.operation;

import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceResponse;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.control.TableArns;
import io.modyn.engine.control.TableTags;
import io.modyn.engine.write.ItemWriter;

/**
 * ListTagsOfResource: a table's tags in key order. A table holds at most 50 tags, which DynamoDB
 * returns in one page too, so no NextToken is ever issued and a NextToken sent is not consulted.
 */
public final class ListTagsOfResourceOperation {

    private final EngineSettings settings;

    public ListTagsOfResourceOperation(EngineSettings settings, ItemWriter writer) {
        this.settings = settings;
    }

    public ListTagsOfResourceResponse execute(ListTagsOfResourceRequest request, StorageBinding.Bound bound, AccessCheck access) {
        String tableName = TableArns.tableName(request.resourceArn(), settings);
        access.require(arns -> ControlPlaneAccess.listTagsOfResource(arns, request.resourceArn()));
        TableDefinition table = bound.catalog().find(tableName);
        if (table == null) throw TableArns.notFound(request.resourceArn());
        return new ListTagsOfResourceResponse(TableTags.list(bound.storage(), table), null);
    }
}
