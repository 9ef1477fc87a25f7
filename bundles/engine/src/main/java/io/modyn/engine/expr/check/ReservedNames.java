package io.modyn.engine.expr.check;

import io.modyn.engine.expr.ExpressionErrors;
import io.modyn.engine.expr.ReservedWords;
import io.modyn.engine.expr.ast.DocumentPath;
import io.modyn.engine.expr.ast.Operand;
import io.modyn.engine.expr.ast.PathElement;
import java.util.List;

/**
 * DynamoDB's reserved words may not be written as bare names in a document path (developer guide,
 * "Reserved words in DynamoDB"); a {@code #placeholder} is the way to name such an attribute.
 */
final class ReservedNames {

    private ReservedNames() {
    }

    static void check(List<Operand> operands, String kind) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Path p) checkPath(p.path(), kind);
        }
    }

    static void checkPath(DocumentPath path, String kind) {
        for (PathElement element : path.elements()) {
            if (element instanceof PathElement.Name name && !name.placeholder() && ReservedWords.isReserved(name.text())) {
                throw ExpressionErrors.invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + name.text());
            }
        }
    }
}
