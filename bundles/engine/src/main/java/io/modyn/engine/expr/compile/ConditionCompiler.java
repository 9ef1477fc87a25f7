package io.modyn.engine.expr.compile;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.expr.ExpressionAttributes;
import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ast.AstTraversal;
import io.modyn.engine.expr.ast.Comparator;
import io.modyn.engine.expr.ast.Condition;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.check.Functions;
import io.modyn.engine.expr.check.Limits;
import io.modyn.engine.expr.eval.CompiledCondition;
import io.modyn.engine.expr.eval.Predicate;
import io.modyn.engine.expr.eval.ResolvedPath;
import io.modyn.engine.expr.eval.Term;
import io.modyn.engine.expr.eval.Values;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a structurally checked condition into a {@link CompiledCondition} for one request: resolves
 * {@code #names} and {@code :values}, then makes the checks that need them. DynamoDB checks one leaf
 * condition (comparison, BETWEEN, IN, function) at a time, left to right, and within a leaf:
 * undefined names and values, then operand counts, then that the first operand is distinct from the
 * others, then operand types (innermost function first).
 */
public final class ConditionCompiler {

    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");
    /** How DynamoDB lists the valid type names of attribute_type in its message. */
    private static final String VALID_TYPE_NAMES = "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}";
    private static final Set<String> STRING_OR_BINARY = Set.of("S", "B");
    private static final Set<String> SIZED = Set.of("S", "B", "SS", "NS", "BS", "L", "M");

    private final ExpressionAttributes attributes;
    private final String kind;
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final Map<DocumentPath, ResolvedPath> paths = new HashMap<>();
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> nested = new LinkedHashSet<>();

    private ConditionCompiler(ExpressionAttributes attributes, String kind) {
        this.attributes = attributes;
        this.kind = kind;
    }

    public static CompiledCondition compile(Condition condition, ExpressionAttributes attributes, String kind) {
        ConditionCompiler compiler = new ConditionCompiler(attributes, kind);
        Map<Condition, Predicate> compiledLeaves = new IdentityHashMap<>();
        for (Condition leaf : AstTraversal.leaves(condition)) compiledLeaves.put(leaf, compiler.leaf(leaf));
        return new CompiledCondition(combine(condition, compiledLeaves), compiler.read, compiler.nested);
    }

    private Predicate leaf(Condition leaf) {
        List<Operand> operands = AstTraversal.operands(leaf);
        for (Operand operand : operands) AstTraversal.eachOperand(operand, this::resolve);
        for (Operand operand : operands) checkOperandCounts(operand);
        if (leaf instanceof Condition.Function f) checkOperandCount(f.name(), f.arguments().size());
        checkDistinct(leaf, operands);
        for (Operand operand : operands) checkSizeOperands(operand);
        checkTypes(leaf, operands);
        return build(leaf);
    }

    private void resolve(Operand operand) {
        if (operand instanceof Operand.Path p && !paths.containsKey(p.path())) {
            ResolvedPath path = PathResolver.resolve(p.path(), attributes, kind);
            paths.put(p.path(), path);
            read.add(path.head());
            if (!path.isTopLevel()) nested.add(path.head());
        } else if (operand instanceof Operand.Value v && !values.containsKey(v.placeholder())) {
            values.put(v.placeholder(), attributes.value(v.placeholder(), kind));
        }
    }

    private void checkOperandCounts(Operand operand) {
        if (operand instanceof Operand.Function f) {
            for (Operand argument : f.arguments()) checkOperandCounts(argument);
            checkOperandCount(f.name(), f.arguments().size());
        }
    }

    private void checkOperandCount(String function, int count) {
        if (count != Functions.operandCount(function)) {
            throw ExpressionErrors.invalid(kind, "Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + count);
        }
    }

    /** {@code a = a}, {@code contains(a, a)} and the like are rejected, as DynamoDB does. */
    private void checkDistinct(Condition leaf, List<Operand> operands) {
        String operator = null;
        if (leaf instanceof Condition.Comparison c) operator = c.comparator().symbol();
        if (leaf instanceof Condition.Between) operator = "BETWEEN";
        if (leaf instanceof Condition.In) operator = "IN";
        if (leaf instanceof Condition.Function f && f.arguments().size() > 1) operator = f.name();
        if (operator == null || !(operands.get(0) instanceof Operand.Path first)) return;
        ResolvedPath firstPath = paths.get(first.path());
        for (Operand later : operands.subList(1, operands.size())) {
            if (later instanceof Operand.Path p && paths.get(p.path()).equals(firstPath)) {
                throw ExpressionErrors.invalid(kind, "The first operand must be distinct from the remaining operands for this operator "
                        + "or function; operator: " + operator + ", first operand: " + firstPath);
            }
        }
    }

    private void checkSizeOperands(Operand operand) {
        if (operand instanceof Operand.Function f) {
            for (Operand argument : f.arguments()) checkSizeOperands(argument);
            OperandTypes.require(f.arguments().get(0), SIZED, Functions.SIZE, values, kind);
        }
    }

    private void checkTypes(Condition leaf, List<Operand> operands) {
        if (leaf instanceof Condition.Comparison c && c.comparator() != Comparator.EQ && c.comparator() != Comparator.NE) {
            for (Operand operand : operands) OperandTypes.require(operand, OperandTypes.ORDERED, c.comparator().symbol(), values, kind);
        } else if (leaf instanceof Condition.Between) {
            for (Operand operand : operands) OperandTypes.require(operand, OperandTypes.ORDERED, "BETWEEN", values, kind);
            checkBounds(operands.get(1), operands.get(2));
        } else if (leaf instanceof Condition.In in && in.candidates().size() > Limits.MAX_IN_OPERANDS) {
            throw ExpressionErrors.invalid(kind, "The IN operator is provided with too many operands; number of operands: "
                    + in.candidates().size());
        } else if (leaf instanceof Condition.Function f) {
            checkFunctionTypes(f);
        }
    }

    /** Literal bounds must have one type and be in order (developer guide, BETWEEN). */
    private void checkBounds(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.Value l) || !(upper instanceof Operand.Value u)) return;
        AttributeValue low = values.get(l.placeholder());
        AttributeValue high = values.get(u.placeholder());
        String operands = "lower bound operand: AttributeValue: " + OperandTypes.render(low)
                + ", upper bound operand: AttributeValue: " + OperandTypes.render(high);
        if (!low.typeName().equals(high.typeName())) {
            throw ExpressionErrors.invalid(kind, "The BETWEEN operator requires same data type for lower and upper bounds; " + operands);
        }
        if (Values.compare(low, high) > 0) {
            throw ExpressionErrors.invalid(kind, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + operands);
        }
    }

    private void checkFunctionTypes(Condition.Function f) {
        switch (f.name()) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(f.arguments().get(0) instanceof Operand.Path)) {
                    throw ExpressionErrors.invalid(kind, "Operator or function requires a document path; operator or function: " + f.name());
                }
            }
            case "attribute_type" -> checkTypeName(f.arguments().get(1));
            case "begins_with" -> {
                for (Operand operand : f.arguments()) OperandTypes.require(operand, STRING_OR_BINARY, f.name(), values, kind);
            }
            default -> {
                // contains accepts operands of every type
            }
        }
    }

    /** attribute_type's second operand must be a literal string naming a DynamoDB type. */
    private void checkTypeName(Operand operand) {
        String type = OperandTypes.known(operand, values);
        if (type == null) throw OperandTypes.incorrect("attribute_type", OperandTypes.ANY_TYPE, kind);
        if (!type.equals("S") || !(operand instanceof Operand.Value v)) throw OperandTypes.incorrect("attribute_type", type, kind);
        String name = ((AttributeValue.S) values.get(v.placeholder())).value();
        if (!TYPE_NAMES.contains(name)) {
            throw ExpressionErrors.invalid(kind, "Invalid attribute type name found; type: " + name + ", valid types: " + VALID_TYPE_NAMES);
        }
    }

    private Predicate build(Condition leaf) {
        if (leaf instanceof Condition.Comparison c) return new Predicate.Compare(c.comparator(), term(c.left()), term(c.right()));
        if (leaf instanceof Condition.Between b) return new Predicate.Between(term(b.operand()), term(b.lower()), term(b.upper()));
        if (leaf instanceof Condition.In in) return new Predicate.In(term(in.operand()), in.candidates().stream().map(this::term).toList());
        Condition.Function f = (Condition.Function) leaf;
        List<Operand> arguments = f.arguments();
        return switch (f.name()) {
            case "attribute_exists" -> new Predicate.Exists(paths.get(((Operand.Path) arguments.get(0)).path()));
            case "attribute_not_exists" -> new Predicate.Not(new Predicate.Exists(paths.get(((Operand.Path) arguments.get(0)).path())));
            case "attribute_type" -> new Predicate.HasType(term(arguments.get(0)),
                    ((AttributeValue.S) values.get(((Operand.Value) arguments.get(1)).placeholder())).value());
            case "begins_with" -> new Predicate.BeginsWith(term(arguments.get(0)), term(arguments.get(1)));
            case "contains" -> new Predicate.Contains(term(arguments.get(0)), term(arguments.get(1)));
            default -> throw new IllegalStateException("function names are checked before compiling: " + f.name());
        };
    }

    private Term term(Operand operand) {
        if (operand instanceof Operand.Path p) return new Term.PathValue(paths.get(p.path()));
        if (operand instanceof Operand.Value v) return new Term.Literal(values.get(v.placeholder()));
        Operand.Function f = (Operand.Function) operand; // only size() is a value in a condition
        return new Term.Size(term(f.arguments().get(0)));
    }

    private static Predicate combine(Condition condition, Map<Condition, Predicate> leaves) {
        if (condition instanceof Condition.And and) return new Predicate.And(combine(and.left(), leaves), combine(and.right(), leaves));
        if (condition instanceof Condition.Or or) return new Predicate.Or(combine(or.left(), leaves), combine(or.right(), leaves));
        if (condition instanceof Condition.Not not) return new Predicate.Not(combine(not.operand(), leaves));
        return leaves.get(condition);
    }
}
