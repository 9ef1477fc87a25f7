package io.modyn.protocol.operation;

import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.streams.DynamoDbStreamsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resolves an {@code X-Amz-Target} header to the operation it names and the service that runs it:
 * {@code DynamoDB_20120810.*} to the {@link DynamoDbService}, {@code DynamoDBStreams_20120810.*}
 * to the {@link DynamoDbStreamsService}. Both APIs share one endpoint, as they do for DynamoDB
 * Local; each service may be absent on its own.
 */
public final class Router {

    private final Map<String, Route<?>> byTarget = new HashMap<>();

    public Router(Supplier<DynamoDbService> dynamoDb, Supplier<DynamoDbStreamsService> streams) {
        add(DynamoDbOperations.TARGET_PREFIX, DynamoDbOperations.all(), dynamoDb);
        add(DynamoDbStreamsOperations.TARGET_PREFIX, DynamoDbStreamsOperations.all(), streams);
    }

    /** The route a target names, or null if it names no operation of this server (matching is case-sensitive). */
    public Route<?> forTarget(String target) {
        return target == null ? null : byTarget.get(target);
    }

    private <S> void add(String prefix, List<Operation<S, ?, ?>> operations, Supplier<S> service) {
        for (Operation<S, ?, ?> operation : operations) {
            byTarget.put(prefix + operation.name(), new Route<>(operation, service));
        }
    }
}
