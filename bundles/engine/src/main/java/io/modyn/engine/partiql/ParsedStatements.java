package io.modyn.engine.partiql;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.partiql.ast.Statement;
import io.modyn.engine.partiql.parse.PartiqlParser;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.List;

/** Reads one statement with its parameters: the request-shape checks, the parse, and the parameter count. */
final class ParsedStatements {

    private static final int MAX_STATEMENT_LENGTH = 8192;

    private ParsedStatements() {
    }

    /** Request-shape checks of a statement member, with DynamoDB's framework messages. */
    static void checkShape(ConstraintViolations v, String path, String statement, List<AttributeValue> parameters) {
        v.notNull(path + "statement", statement)
                .lengthAtLeast(path + "statement", statement, 1)
                .lengthAtMost(path + "statement", statement, MAX_STATEMENT_LENGTH)
                .sizeAtLeast(path + "parameters", parameters, 1);
    }

    static Statement parse(String text, List<AttributeValue> parameters) {
        Statement statement = PartiqlParser.parse(text);
        int given = parameters == null ? 0 : parameters.size();
        if (statement.parameterCount() != given) throw PartiqlErrors.parameterCountMismatch();
        if (parameters != null && parameters.stream().anyMatch(p -> p == null)) throw PartiqlErrors.parameterCountMismatch();
        return statement;
    }

    /** The IAM action a statement is authorized as. */
    static String action(Statement statement) {
        if (statement instanceof Statement.Insert) return "dynamodb:PartiQLInsert";
        if (statement instanceof Statement.Update) return "dynamodb:PartiQLUpdate";
        if (statement instanceof Statement.Delete) return "dynamodb:PartiQLDelete";
        return "dynamodb:PartiQLSelect";
    }
}
