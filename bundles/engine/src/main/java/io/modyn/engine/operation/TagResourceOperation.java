package io.modyn.engine.operation;

import io.modyn.api.dynamodb.TagResourceRequest;
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

/**
 * TagResource: adds tags to a table or overwrites their values. The request is checked whole
 * (ARN, then every tag) before the table is looked up, and applies all its tags or none.
 */
public final class TagResourceOperation {

    private final EngineSettings settings;

    public TagResourceOperation(EngineSettings settings, ItemWriter writer) {
        this.settings = settings;
    }

    public void execute(TagResourceRequest request, StorageBinding.Bound bound, AccessCheck access) {
        TableArns.checkPresent(request.resourceArn());
        new ConstraintViolations().notNull("tags", request.tags()).throwIfAny();
        String tableName = TableArns.tableName(request.resourceArn(), settings);
        if (request.tags().isEmpty()) throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
        TagRules.checkTags(request.tags());
        access.require(arns -> ControlPlaneAccess.tagResource(arns, request.resourceArn(), request.tags()));
        TableDefinition table = bound.catalog().find(tableName);
        if (table == null) throw TableArns.notFound(request.resourceArn());
        TableTags.add(bound.storage(), table, request.tags());
    }
}
