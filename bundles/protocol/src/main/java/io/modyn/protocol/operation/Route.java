package io.modyn.protocol.operation;

import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.protocol.json.JsonInput;
import java.util.function.Supplier;

/**
 * What an {@code X-Amz-Target} resolves to: an operation together with where its service comes
 * from. The service is looked up when the request runs, after its body has been read, so a
 * malformed request is refused as DynamoDB refuses it even while the service is away, and a
 * well-formed one is told to retry (a 503 the SDKs back off from).
 *
 * @param <S> the service the operation runs on
 */
public final class Route<S> {

    /** A request that has been read and only waits to be run. */
    @FunctionalInterface
    public interface ReadCall {
        Operation.Result execute(RequestContext context);
    }

    private final Operation<S, ?, ?> operation;
    private final Supplier<S> service;

    Route(Operation<S, ?, ?> operation, Supplier<S> service) {
        this.operation = operation;
        this.service = service;
    }

    public String operationName() {
        return operation.name();
    }

    /** Reads the request body; throws the DynamoException DynamoDB sends for a malformed one. */
    public ReadCall read(JsonInput in) {
        Operation.Call<S> call = operation.read(in);
        return context -> call.execute(boundService(), context);
    }

    private S boundService() {
        S bound = service.get();
        if (bound == null) {
            throw DynamoException.unavailable("The service is starting or being updated; retry the request");
        }
        return bound;
    }
}
