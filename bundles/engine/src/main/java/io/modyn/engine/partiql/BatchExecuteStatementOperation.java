package io.modyn.engine.partiql;

import io.modyn.api.dynamodb.BatchExecuteStatementRequest;
import io.modyn.api.dynamodb.BatchExecuteStatementResponse;
import io.modyn.api.dynamodb.BatchStatementError;
import io.modyn.api.dynamodb.BatchStatementRequest;
import io.modyn.api.dynamodb.BatchStatementResponse;
import io.modyn.api.dynamodb.GetItemResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.storage.KeyspaceNotFoundException;
import io.modyn.api.storage.RecordChangedException;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.PartiqlAccess;
import io.modyn.engine.expr.ItemCondition;
import io.modyn.engine.partiql.ast.Statement;
import io.modyn.engine.partiql.plan.SelectPlan;
import io.modyn.engine.partiql.plan.SelectPlanner;
import io.modyn.engine.partiql.plan.Target;
import io.modyn.engine.partiql.plan.ValueBinder;
import io.modyn.engine.partiql.plan.WritePlan;
import io.modyn.engine.partiql.plan.WritePlanner;
import io.modyn.engine.validation.ConstraintViolations;
import io.modyn.engine.validation.Enums;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * BatchExecuteStatement: up to 25 statements, all reads or all writes, each succeeding or failing
 * on its own. A read must name the whole primary key of a table (it is a point read); a write is
 * one item write. A member that fails answers {@code Error} (Code, Message) in its place, with
 * {@code TableName} when it got as far as running; the others still run.
 *
 * <pre>
 * member                   rule
 * Statements               required, 1 to 25 statements; each as in ExecuteStatement
 * ReturnConsumedCapacity   INDEXES | TOTAL | NONE
 * </pre>
 *
 * Members run one after the other as separate writes, as DynamoDB's do (a batch is not atomic):
 * a storage conflict, or a table definition that changed, is retried for that member alone, never
 * by replaying the batch.
 */
public final class BatchExecuteStatementOperation {

    private static final int MAX_STATEMENTS = 25;
    private static final int MAX_CONFLICT_ATTEMPTS = 10;

    private final ItemOperations operations;
    private final WriteRunner writes;

    public BatchExecuteStatementOperation(ItemOperations operations) {
        this.operations = operations;
        this.writes = new WriteRunner(operations);
    }

    public BatchExecuteStatementResponse execute(BatchExecuteStatementRequest request, StorageBinding.Bound bound, AccessCheck access) {
        ConstraintViolations v = new ConstraintViolations()
                .notNull("statements", request.statements())
                .sizeAtLeast("statements", request.statements(), 1)
                .sizeAtMost("statements", request.statements(), MAX_STATEMENTS)
                .noNullElements("statements", request.statements())
                .oneOf("returnConsumedCapacity", request.returnConsumedCapacity(), Enums.RETURN_CONSUMED_CAPACITY);
        v.throwIfAny();
        List<BatchStatementRequest> members = request.statements();
        for (int i = 0; i < members.size(); i++) {
            ParsedStatements.checkShape(v, "statements." + (i + 1) + ".member.", members.get(i).statement(), members.get(i).parameters());
        }
        v.throwIfAny();

        List<Statement> parsed = new ArrayList<>(members.size());
        List<BatchStatementResponse> responses = new ArrayList<>(members.size());
        for (BatchStatementRequest member : members) {
            try {
                Statement statement = ParsedStatements.parse(member.statement(), member.parameters());
                if (statement instanceof Statement.Exists) throw PartiqlErrors.existsOutsideTransaction();
                parsed.add(statement);
                responses.add(null);
            } catch (DynamoException e) {
                parsed.add(null);
                responses.add(failed(e, null));
            }
        }
        checkNotMixed(parsed);

        CapacityTotals capacity = new CapacityTotals();
        for (int i = 0; i < members.size(); i++) {
            if (parsed.get(i) != null) responses.set(i, run(parsed.get(i), members.get(i), request.returnConsumedCapacity(), bound, access, capacity));
        }
        return new BatchExecuteStatementResponse(responses, capacity.list(request.returnConsumedCapacity()));
    }

    /**
     * Runs one member, again from its planning when storage reports a conflict (nothing of the
     * attempt was applied) or a table definition changed meanwhile; a conflict that persists is
     * that member's TransactionConflict.
     */
    private BatchStatementResponse run(Statement statement, BatchStatementRequest member, String returnConsumedCapacity,
            StorageBinding.Bound bound, AccessCheck access, CapacityTotals capacity) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(statement, member, returnConsumedCapacity, bound, access, capacity);
            } catch (KeyspaceNotFoundException | StorageConflictException e) {
                // A cached definition outlived its table, or changed: the retry reads the catalog afresh.
                if (!(e instanceof StorageConflictException) || e instanceof RecordChangedException) bound.catalog().invalidateAll();
                if (attempt >= MAX_CONFLICT_ATTEMPTS) {
                    return new BatchStatementResponse(new BatchStatementError("TransactionConflict",
                            "Transaction is ongoing for the item", null), statement.target().table(), null);
                }
                backOff(attempt);
            }
        }
    }

    private BatchStatementResponse runOnce(Statement statement, BatchStatementRequest member, String returnConsumedCapacity,
            StorageBinding.Bound bound, AccessCheck access, CapacityTotals capacity) {
        Target target;
        SelectPlan read = null;
        WritePlan write = null;
        try {
            TableDefinition table = access.requireTable(bound, ParsedStatements.action(statement), statement.target().table());
            target = Target.of(table, statement.target());
            ValueBinder binder = new ValueBinder(member.parameters());
            if (statement instanceof Statement.Select select) {
                read = SelectPlanner.plan(select, target, binder, new SelectPlanner.Paging(
                        Boolean.TRUE.equals(member.consistentRead()), null, null, returnConsumedCapacity));
                if (!(read instanceof SelectPlan.PointRead) || select.orderBy() != null) {
                    throw DynamoException.validation("Select statements within BatchExecuteStatement must specify the primary key in the where clause.");
                }
                SelectPlan plan = read;
                access.require(arns -> List.of(PartiqlAccess.select(arns, table.tableName(), null, plan.leadingKey(),
                        returnConsumedCapacity, "BatchExecuteStatement")));
            } else {
                write = WritePlanner.plan(statement, target, binder);
                WritePlan plan = write;
                access.require(arns -> List.of(PartiqlAccess.write(arns, ParsedStatements.action(statement), table.tableName(),
                        plan.leadingKey(table.partitionKeyName()), returnConsumedCapacity, "BatchExecuteStatement")));
            }
        } catch (DynamoException e) {
            return failed(e, null);
        }
        try {
            return read != null ? read((SelectPlan.PointRead) read, bound, capacity) : write(write, bound, returnConsumedCapacity, capacity);
        } catch (DynamoException e) {
            return failed(e, target.tableName());
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + Math.min(50, 2 << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DynamoException.unavailable("Interrupted while retrying a conflicting statement");
        }
    }

    private BatchStatementResponse read(SelectPlan.PointRead plan, StorageBinding.Bound bound, CapacityTotals capacity) {
        ItemCondition filter = SelectRunner.filterOf(plan);
        GetItemResponse response = operations.get().execute(plan.request(), bound, AccessCheck.OPEN);
        capacity.add(response.consumedCapacity());
        return new BatchStatementResponse(null, plan.target().tableName(), SelectRunner.matched(plan, filter, response.item()));
    }

    private BatchStatementResponse write(WritePlan plan, StorageBinding.Bound bound, String returnConsumedCapacity, CapacityTotals capacity) {
        // ReturnValuesOnConditionCheckFailure is inert on a batch member: DynamoDB returns no item with its errors.
        WriteRunner.Outcome outcome = writes.run(plan, bound, returnConsumedCapacity, null);
        capacity.add(outcome.consumedCapacity());
        Map<String, AttributeValue> returned = outcome.returned();
        return new BatchStatementResponse(null, plan.tableName(), returned == null || returned.isEmpty() ? null : returned);
    }

    private static BatchStatementResponse failed(DynamoException e, String tableName) {
        if (e.type() == ErrorType.SERVICE_UNAVAILABLE) throw e;
        return new BatchStatementResponse(new BatchStatementError(BatchErrorCodes.of(e.type()), e.getMessage(), null), tableName, null);
    }

    private static void checkNotMixed(List<Statement> statements) {
        boolean reads = statements.stream().anyMatch(s -> s != null && s.isRead());
        boolean writes = statements.stream().anyMatch(s -> s != null && !s.isRead());
        if (reads && writes) {
            throw DynamoException.validation("Unsupported operation: A batch must contain either all read statements or all write statements");
        }
    }
}
