package io.modyn.engine.expr.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks syntax trees in source order, which is the order DynamoDB reports errors in. */
public final class AstTraversal {

    private AstTraversal() {
    }

    /** The leaf conditions (comparisons, BETWEEN, IN, functions) of a condition, left to right. */
    public static List<Condition> leaves(Condition condition) {
        List<Condition> leaves = new ArrayList<>();
        collectLeaves(condition, leaves);
        return leaves;
    }

    /** The operands written directly in a leaf condition, left to right. */
    public static List<Operand> operands(Condition leaf) {
        if (leaf instanceof Condition.Comparison c) return List.of(c.left(), c.right());
        if (leaf instanceof Condition.Between b) return List.of(b.operand(), b.lower(), b.upper());
        if (leaf instanceof Condition.In in) {
            List<Operand> operands = new ArrayList<>();
            operands.add(in.operand());
            operands.addAll(in.candidates());
            return operands;
        }
        if (leaf instanceof Condition.Function f) return f.arguments();
        throw new IllegalArgumentException("not a leaf condition: " + leaf);
    }

    /** Visits an operand and everything inside it (function arguments, arithmetic sides), pre-order. */
    public static void eachOperand(Operand operand, Consumer<Operand> visitor) {
        visitor.accept(operand);
        if (operand instanceof Operand.Function f) {
            for (Operand argument : f.arguments()) eachOperand(argument, visitor);
        } else if (operand instanceof Operand.Arithmetic a) {
            eachOperand(a.left(), visitor);
            eachOperand(a.right(), visitor);
        }
    }

    /** Every operand of a condition, nested ones included, in source order. */
    public static List<Operand> allOperands(Condition condition) {
        List<Operand> all = new ArrayList<>();
        for (Condition leaf : leaves(condition)) {
            for (Operand operand : operands(leaf)) eachOperand(operand, all::add);
        }
        return all;
    }

    /** Every operand of an update expression (its values, nested ones included), in source order. */
    public static List<Operand> allOperands(UpdateExpression expression) {
        List<Operand> all = new ArrayList<>();
        for (UpdateAction action : expression.actions()) {
            if (action instanceof UpdateAction.Set set) eachOperand(set.value(), all::add);
            if (action instanceof UpdateAction.Add add) all.add(add.value());
            if (action instanceof UpdateAction.Delete delete) all.add(delete.value());
        }
        return all;
    }

    /** Every document path of an update expression: each target, then the paths read by its value. */
    public static List<DocumentPath> allPaths(UpdateExpression expression) {
        List<DocumentPath> paths = new ArrayList<>();
        for (UpdateAction action : expression.actions()) {
            paths.add(action.path());
            if (action instanceof UpdateAction.Set set) {
                eachOperand(set.value(), o -> {
                    if (o instanceof Operand.Path p) paths.add(p.path());
                });
            }
        }
        return paths;
    }

    private static void collectLeaves(Condition condition, List<Condition> leaves) {
        if (condition instanceof Condition.And and) {
            collectLeaves(and.left(), leaves);
            collectLeaves(and.right(), leaves);
        } else if (condition instanceof Condition.Or or) {
            collectLeaves(or.left(), leaves);
            collectLeaves(or.right(), leaves);
        } else if (condition instanceof Condition.Not not) {
            collectLeaves(not.operand(), leaves);
        } else {
            leaves.add(condition);
        }
    }
}
