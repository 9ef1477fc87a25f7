package io.modyn.engine.partiql;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import java.util.List;

/**
 * The errors of the operations a statement runs as, as PartiQL reports them. The expression
 * compiler words its errors for the request member that held the expression ("Invalid
 * FilterExpression: ..."); a statement has no such member, and DynamoDB reports the detail alone.
 */
final class EngineErrors {

    private static final List<String> MEMBER_PREFIXES = List.of("Invalid FilterExpression: ", "Invalid ConditionExpression: ",
            "Invalid KeyConditionExpression: ", "Invalid UpdateExpression: ", "Invalid ProjectionExpression: ");

    private EngineErrors() {
    }

    static DynamoException asStatementError(DynamoException e) {
        if (e.type() != ErrorType.VALIDATION || e.getMessage() == null) return e;
        for (String prefix : MEMBER_PREFIXES) {
            if (e.getMessage().startsWith(prefix)) return DynamoException.validation(e.getMessage().substring(prefix.length()));
        }
        return e;
    }
}
