package io.modyn.engine.expr.compile;

import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.eval.ResolvedPath;
import java.util.List;

/**
 * The paths of a ProjectionExpression, and the targets of an UpdateExpression, must not overlap
 * (one equal to or inside another: {@code a} and {@code a.b}) nor conflict (one indexing a list
 * where the other names a map member: {@code a.b} and {@code a[1]}). Overlaps are reported before
 * conflicts, each naming the earlier path first.
 */
public final class PathConflicts {

    private PathConflicts() {
    }

    public static void check(List<ResolvedPath> paths, String kind) {
        for (int j = 1; j < paths.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (overlap(paths.get(i), paths.get(j))) {
                    throw ExpressionErrors.invalid(kind, "Two document paths overlap with each other; must remove or rewrite one of "
                            + "these paths; path one: " + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
        for (int j = 1; j < paths.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (conflict(paths.get(i), paths.get(j))) {
                    throw ExpressionErrors.invalid(kind, "Two document paths conflict with each other; must remove or rewrite one of "
                            + "these paths; path one: " + paths.get(i) + ", path two: " + paths.get(j));
                }
            }
        }
    }

    private static boolean overlap(ResolvedPath a, ResolvedPath b) {
        int common = Math.min(a.elements().size(), b.elements().size());
        return a.elements().subList(0, common).equals(b.elements().subList(0, common));
    }

    /** The first differing step is a name in one path and an index in the other. */
    private static boolean conflict(ResolvedPath a, ResolvedPath b) {
        int common = Math.min(a.elements().size(), b.elements().size());
        for (int k = 0; k < common; k++) {
            Object x = a.elements().get(k);
            Object y = b.elements().get(k);
            if (!x.equals(y)) return x.getClass() != y.getClass();
        }
        return false;
    }
}
