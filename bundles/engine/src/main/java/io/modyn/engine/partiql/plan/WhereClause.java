package io.modyn.engine.partiql.plan;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause as its top-level conjuncts ({@code a AND b AND (c OR d)} is three), from which
 * equalities on key attributes are taken out to address an item, a partition or a key range; what
 * remains is a condition on the item.
 */
public final class WhereClause {

    private final List<Expr> conjuncts = new ArrayList<>();
    private final ValueBinder binder;

    public WhereClause(Expr where, ValueBinder binder) {
        this.binder = binder;
        if (where != null) flatten(where);
    }

    /**
     * Takes out the first {@code name = value} (either way round) on a top-level attribute and
     * answers its value, or null when there is none.
     */
    public AttributeValue takeEquality(String name) {
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof Expr.Comparison c && c.operator().equals("=")) {
                Expr value = named(c.left(), name) ? c.right() : named(c.right(), name) ? c.left() : null;
                if (value != null && ValueBinder.isValue(value)) {
                    conjuncts.remove(i);
                    return binder.bind(value);
                }
            }
        }
        return null;
    }

    /** Takes out every key equality: the key, or null (with nothing taken) when one is missing. */
    public Map<String, AttributeValue> takeKey(List<String> keyNames) {
        List<Expr> before = List.copyOf(conjuncts);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyNames) {
            AttributeValue value = takeEquality(name);
            if (value == null) {
                conjuncts.clear();
                conjuncts.addAll(before);
                return null;
            }
            key.put(name, value);
        }
        return key;
    }

    /**
     * Takes out the first condition a Query can apply to a sort key: a comparison with a value,
     * {@code BETWEEN} two values, or {@code begins_with(key, value)}; null when there is none.
     */
    public Expr takeSortKeyCondition(String name) {
        for (int i = 0; i < conjuncts.size(); i++) {
            Expr conjunct = conjuncts.get(i);
            if (isSortKeyCondition(conjunct, name)) {
                conjuncts.remove(i);
                return conjunct;
            }
        }
        return null;
    }

    /** What is left, as one condition, or null when nothing is. */
    public Expr remainder() {
        Expr result = null;
        for (Expr conjunct : conjuncts) result = result == null ? conjunct : new Expr.And(result, conjunct);
        return result;
    }

    private static boolean isSortKeyCondition(Expr conjunct, String name) {
        if (conjunct instanceof Expr.Comparison c && !c.operator().equals("<>")) {
            return (named(c.left(), name) && ValueBinder.isValue(c.right())) || (named(c.right(), name) && ValueBinder.isValue(c.left()));
        }
        if (conjunct instanceof Expr.Between b) {
            return !b.negated() && named(b.operand(), name) && ValueBinder.isValue(b.lower()) && ValueBinder.isValue(b.upper());
        }
        if (conjunct instanceof Expr.Call call) {
            return call.name().equals("begins_with") && call.arguments().size() == 2
                    && named(call.arguments().get(0), name) && ValueBinder.isValue(call.arguments().get(1));
        }
        return false;
    }

    private static boolean named(Expr expr, String name) {
        return expr instanceof Expr.Path path && path.isTopLevel() && path.firstName().equals(name);
    }

    private void flatten(Expr expr) {
        if (expr instanceof Expr.And and) {
            flatten(and.left());
            flatten(and.right());
        } else {
            conjuncts.add(expr);
        }
    }
}
