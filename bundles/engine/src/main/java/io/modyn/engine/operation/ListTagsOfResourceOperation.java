package io.modyn.engine.operation;

import io.modyn.api.dynamodb.ListTagsOfResourceRequest;
import io.modyn.api.dynamodb.ListTagsOfResourceResponse;
import io.modyn.api.auth.Principal;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
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
        if (table == null) throw notAuthorized(request.resourceArn(), access);
        return new ListTagsOfResourceResponse(TableTags.list(bound.storage(), table), null);
    }

    /**
     * Unlike TagResource and UntagResource, DynamoDB answers ListTagsOfResource on a table that
     * does not exist as if the caller may not read it: AccessDeniedException naming the caller,
     * the action and the ARN. Without an authenticated caller, the account's root stands in.
     */
    private DynamoException notAuthorized(String resourceArn, AccessCheck access) {
        Principal caller = access.context() == null ? null : access.context().principal();
        String callerArn = caller != null && caller.arn() != null ? caller.arn() : "arn:aws:iam::" + settings.accountId() + ":root";
        return new DynamoException(ErrorType.ACCESS_DENIED,
                "User: " + callerArn + " is not authorized to perform: dynamodb:ListTagsOfResource on resource: " + resourceArn);
    }
}
