package io.modyn.engine.partiql;

import io.modyn.api.dynamodb.ExecuteStatementRequest;
import io.modyn.api.dynamodb.ExecuteStatementResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.PartiqlAccess;
import io.modyn.engine.partiql.ast.Statement;
import io.modyn.engine.partiql.plan.SelectPlan;
import io.modyn.engine.partiql.plan.SelectPlanner;
import io.modyn.engine.partiql.plan.Target;
import io.modyn.engine.partiql.plan.ValueBinder;
import io.modyn.engine.partiql.plan.WritePlan;
import io.modyn.engine.partiql.plan.WritePlanner;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT answers one page (Limit, NextToken); a write
 * answers no items unless it has a RETURNING clause.
 *
 * <pre>
 * member                               rule
 * Statement                            required, 1 to 8192 characters
 * Parameters                           at least one when sent; as many as the statement's '?'
 * Limit                                at least 1
 * ReturnConsumedCapacity               INDEXES | TOTAL | NONE
 * ReturnValuesOnConditionCheckFailure  ALL_OLD | NONE
 * </pre>
 */
public final class ExecuteStatementOperation {

    private final SelectRunner selects;
    private final WriteRunner writes;

    public ExecuteStatementOperation(ItemOperations operations) {
        this.selects = new SelectRunner(operations);
        this.writes = new WriteRunner(operations);
    }

    public ExecuteStatementResponse execute(ExecuteStatementRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = new ConstraintViolations();
        ParsedStatements.checkShape(v, "", request.statement(), request.parameters());
        v.atLeast("limit", request.limit(), 1)
                .oneOf("returnConsumedCapacity", request.returnConsumedCapacity(), Enums.RETURN_CONSUMED_CAPACITY)
                .oneOf("returnValuesOnConditionCheckFailure", request.returnValuesOnConditionCheckFailure(),
                        Enums.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE)
                .throwIfAny();
        Statement statement = ParsedStatements.parse(request.statement(), request.parameters());
        if (statement instanceof Statement.Exists) throw PartiqlErrors.existsOutsideTransaction();

        TableDefinition table = access.requireTable(bound, ParsedStatements.action(statement), statement.target().table());
        Target target = Target.of(table, statement.target());
        ValueBinder binder = new ValueBinder(request.parameters());
        if (statement instanceof Statement.Select select) return select(request, select, target, binder, bound, access);

        WritePlan plan = WritePlanner.plan(statement, target, binder);
        access.require(arns -> List.of(PartiqlAccess.write(arns, ParsedStatements.action(statement), table.tableName(),
                plan.leadingKey(table.partitionKeyName()), request.returnConsumedCapacity(), null)));
        WriteRunner.Outcome outcome = writes.run(plan, bound, request.returnConsumedCapacity(), request.returnValuesOnConditionCheckFailure());
        Map<String, AttributeValue> returned = outcome.returned();
        List<Map<String, AttributeValue>> items = returned == null || returned.isEmpty() ? List.of() : List.of(returned);
        return new ExecuteStatementResponse(items, null, outcome.consumedCapacity(), null);
    }

    private ExecuteStatementResponse select(ExecuteStatementRequest request, Statement.Select select, Target target, ValueBinder binder,
            StorageBinding.Bound bound, AccessCheck access) {
        Map<String, AttributeValue> startKey = NextTokens.decode(request.statement(), request.nextToken());
        SelectPlan plan = SelectPlanner.plan(select, target, binder, new SelectPlanner.Paging(
                Boolean.TRUE.equals(request.consistentRead()), request.limit(), startKey, request.returnConsumedCapacity()));
        access.require(arns -> List.of(PartiqlAccess.select(arns, target.tableName(), target.indexName(), plan.leadingKey(),
                request.returnConsumedCapacity(), null)));
        SelectRunner.Page page = selects.run(plan, bound);
        return new ExecuteStatementResponse(page.items(), NextTokens.encode(request.statement(), page.lastEvaluatedKey()),
                page.consumedCapacity(), page.lastEvaluatedKey());
    }
}
