package io.modyn.engine.partiql.plan;

import io.modyn.api.dynamodb.GetItemRequest;
import io.modyn.api.dynamodb.QueryRequest;
import io.modyn.api.dynamodb.ScanRequest;
import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.PathStep;
import io.modyn.engine.partiql.ast.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chooses how a SELECT reads, as DynamoDB does: equality on the whole primary key of the table is
 * a point read; equality on the partition key (of the table or the index) a Query, with a sort key
 * comparison as its key condition; anything else a Scan with the WHERE clause as its filter.
 */
public final class SelectPlanner {

    /** What the request adds to the statement: read consistency, page size and position. */
    public record Paging(boolean consistentRead, Integer limit, Map<String, AttributeValue> exclusiveStartKey,
                         String returnConsumedCapacity) {
    }

    private SelectPlanner() {
    }

    public static SelectPlan plan(Statement.Select select, Target target, ValueBinder binder, Paging paging) {
        if (paging.consistentRead() && target.isGlobalIndex()) throw PartiqlErrors.consistentReadOnGlobalIndex();
        ItemShape shape = new ItemShape(select.projection());
        WhereClause where = new WhereClause(select.where(), binder);
        if (select.orderBy() != null) checkOrderBy(select, target);

        if (target.index() == null && select.orderBy() == null) {
            Map<String, AttributeValue> key = where.takeKey(target.keyNames());
            if (key != null) return pointRead(target, key, where.remainder(), binder, paging, shape);
        }
        ExpressionWriter writer = new ExpressionWriter(binder);
        AttributeValue partition = where.takeEquality(target.partitionKey());
        if (partition == null) {
            if (select.orderBy() != null) throw PartiqlErrors.orderByWithoutHashKey();
            Expr filter = where.remainder();
            String filterText = filter == null ? null : writer.condition(filter);
            String projection = projection(select, writer);
            return new SelectPlan.ScanRead(target, new ScanRequest(target.tableName(), target.indexName(), null, paging.limit(), null,
                    null, null, paging.exclusiveStartKey(), paging.returnConsumedCapacity(), null, null, projection, filterText,
                    writer.names(), writer.values(), paging.consistentRead() ? Boolean.TRUE : null), shape);
        }
        String keyCondition = writer.name(target.partitionKey()) + " = " + writer.value(partition);
        Expr sortCondition = target.sortKey() == null ? null : where.takeSortKeyCondition(target.sortKey());
        if (sortCondition != null) keyCondition += " AND " + sortKeyCondition(sortCondition, writer);
        Expr filter = where.remainder();
        String filterText = filter == null ? null : writer.condition(filter);
        String projection = projection(select, writer);
        Boolean forward = select.descending() ? Boolean.FALSE : null;
        return new SelectPlan.QueryRead(target, new QueryRequest(target.tableName(), target.indexName(), null, null, paging.limit(),
                paging.consistentRead() ? Boolean.TRUE : null, null, null, null, forward, paging.exclusiveStartKey(),
                paging.returnConsumedCapacity(), projection, filterText, keyCondition, writer.names(), writer.values()), shape, partition);
    }

    private static SelectPlan pointRead(Target target, Map<String, AttributeValue> key, Expr remainder, ValueBinder binder,
            Paging paging, ItemShape shape) {
        GetItemRequest get = new GetItemRequest(target.tableName(), key, paging.consistentRead() ? Boolean.TRUE : null, null, null, null,
                paging.returnConsumedCapacity());
        if (remainder == null) return new SelectPlan.PointRead(target, get, null, null, null, shape);
        ExpressionWriter writer = new ExpressionWriter(binder);
        String filter = writer.condition(remainder);
        return new SelectPlan.PointRead(target, get, filter, writer.names(), writer.values(), shape);
    }

    /** A sort key condition as a KeyConditionExpression wants it: the key on the left. */
    private static String sortKeyCondition(Expr condition, ExpressionWriter writer) {
        if (condition instanceof Expr.Comparison c && !(c.left() instanceof Expr.Path)) {
            return writer.operand(c.right()) + " " + mirrored(c.operator()) + " " + writer.operand(c.left());
        }
        return writer.condition(condition);
    }

    private static String mirrored(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    private static String projection(Statement.Select select, ExpressionWriter writer) {
        if (select.projection().isEmpty()) return null;
        return select.projection().stream().map(writer::path).distinct().collect(Collectors.joining(", "));
    }

    private static void checkOrderBy(Statement.Select select, Target target) {
        if (select.where() == null) throw PartiqlErrors.orderByWithoutWhere();
        Expr.Path path = select.orderBy();
        String name = ((PathStep.Name) path.steps().get(0)).name();
        if (!path.isTopLevel() || !target.keyNames().contains(name)) throw PartiqlErrors.orderByNotKey(name);
    }
}
