package io.modyn.protocol.operation;

import io.modyn.api.dynamodb.RequestContext;
import io.modyn.protocol.json.JsonInput;
import jakarta.json.stream.JsonGenerator;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One API operation: how its request is read from JSON, which service method runs it and how its
 * response is written. Reading is separate from running so that a malformed request is answered
 * even while no service is bound.
 *
 * @param <S> the service that runs it, such as {@code DynamoDbService}
 * @param <Q> the request record
 * @param <R> the response record
 */
public final class Operation<S, Q, R> {

    /** The service method that executes the operation, such as {@code DynamoDbService::putItem}. */
    @FunctionalInterface
    public interface Invoker<S, Q, R> {
        R invoke(S service, Q request, RequestContext context);
    }

    /** A request that has been read and can now be run against a service. */
    @FunctionalInterface
    public interface Call<S> {
        Result execute(S service, RequestContext context);
    }

    /** An operation's response, ready to be written; writing happens only once the operation succeeded. */
    @FunctionalInterface
    public interface Result {

        /** The response of an operation DynamoDB answers with an empty body (TagResource, UntagResource). */
        Result NO_BODY = out -> {
            throw new IllegalStateException("an operation without a response body has nothing to write");
        };

        void writeTo(JsonGenerator out);
    }

    private final String name;
    private final Function<JsonInput, Q> reader;
    private final Invoker<S, Q, R> invoker;
    private final BiConsumer<JsonGenerator, R> writer;

    public Operation(String name, Function<JsonInput, Q> reader, Invoker<S, Q, R> invoker, BiConsumer<JsonGenerator, R> writer) {
        this.name = name;
        this.reader = reader;
        this.invoker = invoker;
        this.writer = writer;
    }

    /** An operation that DynamoDB answers with an empty HTTP body, not even {@code {}}, since its output has no members. */
    public static <S, Q> Operation<S, Q, Void> withoutResponseBody(String name, Function<JsonInput, Q> reader, Invoker<S, Q, Void> invoker) {
        return new Operation<>(name, reader, invoker, null);
    }

    public String name() {
        return name;
    }

    /** Reads the request body; throws the DynamoException DynamoDB sends for a malformed one. */
    public Call<S> read(JsonInput in) {
        Q request = reader.apply(in);
        return (service, context) -> {
            R response = invoker.invoke(service, request, context);
            return writer == null ? Result.NO_BODY : out -> writer.accept(out, response);
        };
    }
}
