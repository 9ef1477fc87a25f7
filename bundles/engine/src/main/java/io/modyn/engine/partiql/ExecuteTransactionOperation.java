package io.modyn.engine.partiql;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.dynamodb.ExecuteTransactionRequest;
import io.modyn.api.dynamodb.ExecuteTransactionResponse;
import io.modyn.api.dynamodb.ParameterizedStatement;
import io.modyn.api.dynamodb.TransactGet;
import io.modyn.api.dynamodb.TransactGetItem;
import io.modyn.api.dynamodb.TransactGetItemsRequest;
import io.modyn.api.dynamodb.TransactGetItemsResponse;
import io.modyn.api.dynamodb.TransactWriteItem;
import io.modyn.api.dynamodb.TransactWriteItemsRequest;
import io.modyn.api.dynamodb.TransactWriteItemsResponse;
import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.CancellationReason;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.model.TableDefinition;
import io.modyn.api.model.TransactionCanceledException;
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
import java.util.function.Supplier;

/**
 * ExecuteTransaction: up to 100 statements as one transaction, run as the engine's
 * TransactWriteItems (INSERT, UPDATE, DELETE, EXISTS) or TransactGetItems (SELECT of one key),
 * so that atomicity, isolation, ClientRequestToken idempotency and CancellationReasons are theirs.
 * An INSERT that finds its key taken is cancelled with reason DuplicateItem.
 *
 * <pre>
 * member                  rule
 * TransactStatements      required, 1 to 100 statements; each as in ExecuteStatement, without RETURNING
 * ClientRequestToken      1 to 36 characters (writes)
 * ReturnConsumedCapacity  INDEXES | TOTAL | NONE
 * </pre>
 *
 * A statement's validation errors are reported as {@code Validation failed in TransactStatements[i]: ...}.
 */
public final class ExecuteTransactionOperation {

    private static final int MAX_STATEMENTS = 100;
    private static final String ENCLOSING = "ExecuteTransaction";

    private final ItemOperations operations;

    public ExecuteTransactionOperation(ItemOperations operations) {
        this.operations = operations;
    }

    public ExecuteTransactionResponse execute(ExecuteTransactionRequest request, StorageBinding.Bound bound, AccessCheck access) {
        List<ParameterizedStatement> members = request.transactStatements();
        ConstraintViolations v = new ConstraintViolations()
                .notNull("transactStatements", members)
                .sizeAtLeast("transactStatements", members, 1)
                .sizeAtMost("transactStatements", members, MAX_STATEMENTS)
                .noNullElements("transactStatements", members)
                .lengthAtLeast("clientRequestToken", request.clientRequestToken(), 1)
                .lengthAtMost("clientRequestToken", request.clientRequestToken(), 36)
                .oneOf("returnConsumedCapacity", request.returnConsumedCapacity(), Enums.RETURN_CONSUMED_CAPACITY);
        v.throwIfAny();
        for (int i = 0; i < members.size(); i++) {
            ParsedStatements.checkShape(v, "transactStatements." + (i + 1) + ".member.", members.get(i).statement(), members.get(i).parameters());
        }
        v.throwIfAny();

        List<Statement> statements = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            int index = i;
            Statement statement = inMember(i, () -> ParsedStatements.parse(members.get(index).statement(), members.get(index).parameters()));
            if (hasReturning(statement)) throw inMember(i, "RETURNING clause is not supported in ExecuteTransaction.");
            if (statement.isRead() && statement.target().index() != null) throw inMember(i, "Reads on indices are not supported within transactions.");
            statements.add(statement);
        }
        boolean reads = statements.stream().allMatch(Statement::isRead);
        if (!reads && statements.stream().anyMatch(Statement::isRead)) throw DynamoException.validation("Unsupported operation in transaction.");
        return reads ? read(request, statements, bound, access) : write(request, statements, bound, access);
    }

    private ExecuteTransactionResponse write(ExecuteTransactionRequest request, List<Statement> statements, StorageBinding.Bound bound,
            AccessCheck access) {
        List<WritePlan> plans = new ArrayList<>(statements.size());
        List<TableDefinition> tables = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            TableDefinition table = access.requireTable(bound, ParsedStatements.action(statement), statement.target().table());
            ValueBinder binder = new ValueBinder(request.transactStatements().get(i).parameters());
            if (statement.target().index() != null) throw inMember(i, "Operations on indices are not supported in transactions");
            int index = i;
            plans.add(inMember(i, () -> WritePlanner.plan(statements.get(index), Target.of(table, statement.target()), binder)));
            tables.add(table);
        }
        access.require(arns -> {
            List<AuthorizationRequest> asked = new ArrayList<>(plans.size());
            for (int i = 0; i < plans.size(); i++) {
                asked.add(PartiqlAccess.write(arns, ParsedStatements.action(statements.get(i)), tables.get(i).tableName(),
                        plans.get(i).leadingKey(tables.get(i).partitionKeyName()), request.returnConsumedCapacity(), ENCLOSING));
            }
            return asked;
        });
        List<TransactWriteItem> items = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            items.add(plans.get(i).transactWriteItem(request.transactStatements().get(i).returnValuesOnConditionCheckFailure()));
        }
        try {
            TransactWriteItemsResponse response = operations.transactWrite().execute(
                    new TransactWriteItemsRequest(items, request.returnConsumedCapacity(), null, request.clientRequestToken()), bound,
                    AccessCheck.OPEN);
            return new ExecuteTransactionResponse(null, response.consumedCapacity());
        } catch (TransactionCanceledException e) {
            throw withDuplicateItems(e, plans);
        } catch (DynamoException e) {
            throw EngineErrors.asStatementError(e);
        }
    }

    private ExecuteTransactionResponse read(ExecuteTransactionRequest request, List<Statement> statements, StorageBinding.Bound bound,
            AccessCheck access) {
        List<SelectPlan.PointRead> plans = new ArrayList<>(statements.size());
        List<ItemCondition> filters = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Statement.Select select = (Statement.Select) statements.get(i);
            TableDefinition table = access.requireTable(bound, ParsedStatements.action(select), select.target().table());
            ValueBinder binder = new ValueBinder(request.transactStatements().get(i).parameters());
            SelectPlan plan = inMember(i, () -> SelectPlanner.plan(select, Target.of(table, select.target()), binder,
                    new SelectPlanner.Paging(false, null, null, request.returnConsumedCapacity())));
            if (!(plan instanceof SelectPlan.PointRead point) || select.orderBy() != null) {
                throw inMember(i, "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
            }
            plans.add(point);
            filters.add(SelectRunner.filterOf(point));
        }
        access.require(arns -> plans.stream().map(p -> PartiqlAccess.select(arns, p.target().tableName(), null, p.leadingKey(),
                request.returnConsumedCapacity(), ENCLOSING)).toList());
        List<TransactGetItem> gets = plans.stream()
                .map(p -> new TransactGetItem(new TransactGet(p.target().tableName(), p.request().key(), null, null))).toList();
        TransactGetItemsResponse response;
        try {
            response = operations.transactGet().execute(new TransactGetItemsRequest(gets, request.returnConsumedCapacity()), bound,
                    AccessCheck.OPEN);
        } catch (DynamoException e) {
            throw EngineErrors.asStatementError(e);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) items.add(SelectRunner.matched(plans.get(i), filters.get(i), response.responses().get(i)));
        return new ExecuteTransactionResponse(items, response.consumedCapacity());
    }

    /** DynamoDB cancels a duplicate INSERT with its own reason, not ConditionalCheckFailed. */
    private static TransactionCanceledException withDuplicateItems(TransactionCanceledException e, List<WritePlan> plans) {
        List<CancellationReason> reasons = new ArrayList<>(e.reasons());
        boolean changed = false;
        for (int i = 0; i < reasons.size() && i < plans.size(); i++) {
            if (plans.get(i).kind() == WritePlan.Kind.INSERT && "ConditionalCheckFailed".equals(reasons.get(i).code())) {
                reasons.set(i, new CancellationReason("DuplicateItem", "Duplicate primary key exists in table", null));
                changed = true;
            }
        }
        return changed ? new TransactionCanceledException(reasons) : e;
    }

    private static boolean hasReturning(Statement statement) {
        return (statement instanceof Statement.Update u && u.returning() != null)
                || (statement instanceof Statement.Delete d && d.returning() != null);
    }

    private static <T> T inMember(int index, Supplier<T> step) {
        try {
            return step.get();
        } catch (DynamoException e) {
            if (e.type() != ErrorType.VALIDATION) throw e;
            throw inMember(index, EngineErrors.asStatementError(e).getMessage());
        }
    }

    private static DynamoException inMember(int index, String message) {
        return DynamoException.validation("Validation failed in TransactStatements[" + index + "]: " + message);
    }
}
