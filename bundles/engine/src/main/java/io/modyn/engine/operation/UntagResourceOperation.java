package io.modyn.engine.operation;

import io.modyn.api.dynamodb.UntagResourceRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.ControlPlaneAccess;
import io.modyn.engine.control.TableArns;
import io.modyn.engine.control.TableTags;
import io.modyn.engine.control.TagRules;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.write.ItemWriter;

/** UntagResource: removes tags by key; keys the table does not have are ignored, as in DynamoDB. */
public final class UntagResourceOperation {

    private final EngineSettings settings;

    public UntagResourceOperation(EngineSettings settings, ItemWriter writer) {
        this.settings = settings;
    }

    public void execute(UntagResourceRequest request, StorageBinding.Bound bound, AccessCheck access) {
        TableArns.checkPresent(request.resourceArn());
        new ConstraintViolations().notNull("tagKeys", request.tagKeys()).throwIfAny();
        String tableName = TableArns.tableName(request.resourceArn(), settings);
        if (request.tagKeys().isEmpty()) throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
        TagRules.checkKeys(request.tagKeys());
        access.require(arns -> ControlPlaneAccess.untagResource(arns, request.resourceArn(), request.tagKeys()));
        TableDefinition table = bound.catalog().find(tableName);
        if (table == null) throw TableArns.notFound(request.resourceArn());
        TableTags.remove(bound.storage(), table, request.tagKeys());
    }
}
