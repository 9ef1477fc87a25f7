package io.modyn.engine.expr.compile;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.model.TableDefinition;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.KeyAttributeRules;
import io.modyn.engine.expr.ast.AstTraversal;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.UpdateAction;
import io.modyn.engine.expr.ast.UpdateExpression;
import io.modyn.engine.expr.check.Functions;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.update.AddStep;
import io.modyn.engine.expr.update.CompiledUpdate;
import io.modyn.engine.expr.update.DeleteStep;
import io.modyn.engine.expr.update.RemoveStep;
import io.modyn.engine.expr.update.SetStep;
import io.modyn.engine.expr.update.UpdateStep;
import io.modyn.engine.expr.update.ValueExpression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a structurally checked UpdateExpression into a {@link CompiledUpdate} for one request. The
 * checks follow DynamoDB's order: undefined names (anywhere), undefined values, overlapping then
 * conflicting target paths, ADD/DELETE operand types, function operands (count, document path,
 * types, innermost first), and last the key attributes, which an update may neither write nor
 * reach into.
 */
public final class UpdateCompiler {

    private static final Set<String> ADDABLE = Set.of("N", "SS", "NS", "BS");
    private static final Set<String> DELETABLE = Set.of("SS", "NS", "BS");
    /** DynamoDB names the operand type by its internal type name in ADD/DELETE messages. */
    private static final Map<String, String> TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY", "BOOL", "BOOLEAN",
            "NULL", "NULL", "L", "LIST", "M", "MAP", "SS", "STRING_SET", "NS", "NUMBER_SET", "BS", "BINARY_SET");

    private final String kind;
    private final Map<DocumentPath, ResolvedPath> paths = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    private UpdateCompiler(String kind) {
        this.kind = kind;
    }

    /**
     * @param table for the key attributes; null skips the key checks, for a caller that compiles
     *        before looking the table up and checks the keys with {@link KeyAttributeRules} after
     */
    public static CompiledUpdate compile(UpdateExpression expression, ExpressionAttributes attributes, String kind, TableDefinition table) {
        UpdateCompiler compiler = new UpdateCompiler(kind);
        for (DocumentPath path : AstTraversal.allPaths(expression)) {
            if (!compiler.paths.containsKey(path)) compiler.paths.put(path, PathResolver.resolve(path, attributes, kind));
        }
        for (Operand operand : AstTraversal.allOperands(expression)) {
            if (operand instanceof Operand.Value v && !compiler.values.containsKey(v.placeholder())) {
                compiler.values.put(v.placeholder(), attributes.value(v.placeholder(), kind));
            }
        }
        PathConflicts.check(expression.actions().stream().map(a -> compiler.paths.get(a.path())).toList(), kind);
        compiler.checkAddAndDeleteOperands(expression);
        for (UpdateAction action : expression.actions()) {
            if (action instanceof UpdateAction.Set set) compiler.checkValue(set.value());
        }
        List<UpdateStep> steps = new ArrayList<>();
        for (UpdateAction action : expression.actions()) steps.add(compiler.step(action));
        CompiledUpdate update = new CompiledUpdate(steps, compiler.nestedAttributes(expression));
        if (table != null) {
            KeyAttributeRules.requireScalarKeys(update.nestedAttributes(), table);
            KeyAttributeRules.requireKeysNotUpdated(update.updatedAttributes(), table);
        }
        return update;
    }

    private void checkAddAndDeleteOperands(UpdateExpression expression) {
        for (UpdateAction action : expression.actions()) {
            if (action instanceof UpdateAction.Add add) checkOperand("ADD", add.value(), ADDABLE, "ALLOWED_FOR_ADD_OPERAND");
            if (action instanceof UpdateAction.Delete delete) checkOperand("DELETE", delete.value(), DELETABLE, "ALLOWED_FOR_DELETE_OPERAND");
        }
    }

    private void checkOperand(String operator, Operand.Value operand, Set<String> allowed, String typeSet) {
        String type = values.get(operand.placeholder()).typeName();
        if (!allowed.contains(type)) {
            throw ExpressionErrors.invalid(kind, "Incorrect operand type for operator or function; operator: " + operator
                    + ", operand type: " + TYPE_NAMES.get(type) + ", typeSet: " + typeSet);
        }
    }

    /** Operand counts and types of the functions and arithmetic in a SET value, innermost first. */
    private void checkValue(Operand operand) {
        if (operand instanceof Operand.Function f) {
            for (Operand argument : f.arguments()) checkValue(argument);
            if (f.arguments().size() != Functions.operandCount(f.name())) {
                throw ExpressionErrors.invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
                        + f.name() + ", number of operands: " + f.arguments().size());
            }
            if (f.name().equals(Functions.IF_NOT_EXISTS) && !(f.arguments().get(0) instanceof Operand.Path)) {
                throw ExpressionErrors.invalid(kind, "Operator or function requires a document path; operator or function: " + f.name());
            }
            if (f.name().equals(Functions.LIST_APPEND)) {
                for (Operand argument : f.arguments()) OperandTypes.require(argument, Set.of("L"), f.name(), values, kind);
            }
        } else if (operand instanceof Operand.Arithmetic a) {
            checkValue(a.left());
            checkValue(a.right());
            String operator = String.valueOf(a.operator());
            OperandTypes.require(a.left(), Set.of("N"), operator, values, kind);
            OperandTypes.require(a.right(), Set.of("N"), operator, values, kind);
        }
    }

    private Set<String> nestedAttributes(UpdateExpression expression) {
        Set<String> nested = new LinkedHashSet<>();
        for (DocumentPath path : AstTraversal.allPaths(expression)) {
            ResolvedPath resolved = paths.get(path);
            if (!resolved.isTopLevel()) nested.add(resolved.head());
        }
        return nested;
    }

    private UpdateStep step(UpdateAction action) {
        ResolvedPath path = paths.get(action.path());
        if (action instanceof UpdateAction.Set set) return new SetStep(path, value(set.value()));
        if (action instanceof UpdateAction.Remove) return new RemoveStep(path);
        if (action instanceof UpdateAction.Add add) return new AddStep(path, values.get(add.value().placeholder()));
        return new DeleteStep(path, values.get(((UpdateAction.Delete) action).value().placeholder()));
    }

    private ValueExpression value(Operand operand) {
        if (operand instanceof Operand.Path p) return new ValueExpression.PathValue(paths.get(p.path()));
        if (operand instanceof Operand.Value v) return new ValueExpression.Literal(values.get(v.placeholder()));
        if (operand instanceof Operand.Arithmetic a) return new ValueExpression.Arithmetic(a.operator(), value(a.left()), value(a.right()));
        Operand.Function f = (Operand.Function) operand;
        if (f.name().equals(Functions.IF_NOT_EXISTS)) {
            return new ValueExpression.IfNotExists(paths.get(((Operand.Path) f.arguments().get(0)).path()), value(f.arguments().get(1)));
        }
        return new ValueExpression.ListAppend(value(f.arguments().get(0)), value(f.arguments().get(1)));
    }
}
