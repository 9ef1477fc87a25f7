package io.modyn.engine.partiql.plan;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.DynamoException;
import io.modyn.engine.partiql.PartiqlErrors;
import io.modyn.engine.partiql.ast.Expr;
import io.modyn.engine.partiql.ast.Returning;
import io.modyn.engine.partiql.ast.Statement;
import io.modyn.engine.partiql.ast.UpdateAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans INSERT, UPDATE, DELETE and EXISTS as single-item writes, with DynamoDB's PartiQL rules:
 * INSERT never overwrites ({@code attribute_not_exists} on the partition key, failing as
 * DuplicateItemException); UPDATE and DELETE need equality on every key attribute, and take the
 * rest of the WHERE clause as their condition. UPDATE never creates an item (it also requires the
 * item to exist); DELETE of a missing item is a no-op even when its condition would not hold.
 */
public final class WritePlanner {

    private WritePlanner() {
    }

    public static WritePlan plan(Statement statement, Target target, ValueBinder binder) {
        if (target.index() != null) throw PartiqlErrors.operationOnIndex();
        if (statement instanceof Statement.Insert insert) return insert(insert, target, binder);
        if (statement instanceof Statement.Update update) return update(update, target, binder);
        if (statement instanceof Statement.Delete delete) return delete(delete, target, binder);
        if (statement instanceof Statement.Exists exists) return exists(exists, target, binder);
        throw new IllegalArgumentException("a SELECT is not a write");
    }

    private static WritePlan insert(Statement.Insert insert, Target target, ValueBinder binder) {
        if (!(insert.item() instanceof Expr.MapValue) && !(insert.item() instanceof Expr.Parameter)) {
            throw DynamoException.validation(
                    "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.");
        }
        AttributeValue item = binder.bind(insert.item());
        if (!(item instanceof AttributeValue.M map)) {
            throw DynamoException.validation(
                    "Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.");
        }
        ExpressionWriter writer = new ExpressionWriter(binder);
        String condition = "attribute_not_exists(" + writer.name(target.partitionKey()) + ")";
        return new WritePlan(WritePlan.Kind.INSERT, target.tableName(), map.values(), null, condition, writer.names(), null, null);
    }

    private static WritePlan update(Statement.Update update, Target target, ValueBinder binder) {
        WhereClause where = new WhereClause(update.where(), binder);
        Map<String, AttributeValue> key = where.takeKey(target.keyNames());
        if (key == null) throw PartiqlErrors.incompleteKey();
        ExpressionWriter writer = new ExpressionWriter(binder);
        String updateExpression = actions(update.actions(), writer, binder);
        Expr rest = where.remainder();
        String condition = "attribute_exists(" + writer.name(target.partitionKey()) + ")"
                + (rest == null ? "" : " AND (" + writer.condition(rest) + ")");
        return new WritePlan(WritePlan.Kind.UPDATE, target.tableName(), key, updateExpression, condition, writer.names(), writer.values(),
                update.returning());
    }

    private static WritePlan delete(Statement.Delete delete, Target target, ValueBinder binder) {
        if (delete.returning() != null && delete.returning() != Returning.ALL_OLD) {
            throw PartiqlErrors.invalidDeleteReturning(delete.returning().text());
        }
        WhereClause where = new WhereClause(delete.where(), binder);
        Map<String, AttributeValue> key = where.takeKey(target.keyNames());
        if (key == null) throw PartiqlErrors.incompleteKey();
        Expr rest = where.remainder();
        ExpressionWriter writer = new ExpressionWriter(binder);
        String condition = rest == null ? null
                : "attribute_not_exists(" + writer.name(target.partitionKey()) + ") OR (" + writer.condition(rest) + ")";
        return new WritePlan(WritePlan.Kind.DELETE, target.tableName(), key, null, condition, writer.names(), writer.values(),
                delete.returning());
    }

    private static WritePlan exists(Statement.Exists exists, Target target, ValueBinder binder) {
        WhereClause where = new WhereClause(exists.select().where(), binder);
        Map<String, AttributeValue> key = where.takeKey(target.keyNames());
        Expr rest = where.remainder();
        if (key == null || rest == null) {
            throw DynamoException.validation("EXISTS() must contain a single item read with additional condition");
        }
        ExpressionWriter writer = new ExpressionWriter(binder);
        String condition = "attribute_exists(" + writer.name(target.partitionKey()) + ") AND (" + writer.condition(rest) + ")";
        return new WritePlan(WritePlan.Kind.CONDITION_CHECK, target.tableName(), key, null, condition, writer.names(), writer.values(),
                null);
    }

    /** The UpdateExpression of an UPDATE's SET and REMOVE actions; set_add and set_delete become ADD and DELETE. */
    private static String actions(List<UpdateAction> actions, ExpressionWriter writer, ValueBinder binder) {
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (UpdateAction action : actions) {
            String path = writer.path(action.path());
            if (action instanceof UpdateAction.Remove) {
                removes.add(path);
            } else if (((UpdateAction.Set) action).value() instanceof Expr.Call call && isSetFunction(call.name())) {
                String set = setOperand(action.path(), call, writer, binder);
                (call.name().equals("set_add") ? adds : deletes).add(path + " " + set);
            } else {
                sets.add(path + " = " + writer.operand(((UpdateAction.Set) action).value()));
            }
        }
        StringBuilder text = new StringBuilder();
        clause(text, "SET", sets);
        clause(text, "REMOVE", removes);
        clause(text, "ADD", adds);
        clause(text, "DELETE", deletes);
        return text.toString();
    }

    private static boolean isSetFunction(String name) {
        return name.equals("set_add") || name.equals("set_delete");
    }

    /** The set operand of {@code SET a = set_add(a, <<...>>)}: its first argument must be the path assigned. */
    private static String setOperand(Expr.Path target, Expr.Call call, ExpressionWriter writer, ValueBinder binder) {
        String function = call.name().substring(4).toUpperCase(Locale.ROOT);
        if (call.arguments().size() != 2) throw DynamoException.validation("SET_" + function + " must have exactly two arguments");
        if (!target.equals(call.arguments().get(0))) {
            throw DynamoException.validation("The first argument to SET_" + function + " must equal the assignment value");
        }
        Expr operand = call.arguments().get(1);
        AttributeValue set = ValueBinder.isValue(operand) ? binder.bind(operand) : null;
        if (!(set instanceof AttributeValue.SS || set instanceof AttributeValue.NS || set instanceof AttributeValue.BS)) {
            throw DynamoException.validation("The second argument to SET_" + function + " must be a value with type SET");
        }
        return writer.value(set);
    }

    private static void clause(StringBuilder text, String keyword, List<String> actions) {
        if (actions.isEmpty()) return;
        if (!text.isEmpty()) text.append(' ');
        text.append(keyword).append(' ').append(String.join(", ", actions));
    }
}
