package io.modyn.protocol.operation;

import io.modyn.api.dynamodb.DynamoDbService;
import io.modyn.api.export.DynamoDbExportService;
import io.modyn.api.streams.DynamoDbStreamsService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resolves an {@code X-Amz-Target} header to the operation it names and the service that runs it:
 * {@code DynamoDB_20120810.*} to the {@link DynamoDbService}, {@code DynamoDBStreams_20120810.*}
 * to the {@link DynamoDbStreamsService}. Both APIs share one endpoint, as they do for DynamoDB
 * Local; each service may be absent on its own. The export and import operations
 * ({@code DynamoDB_20120810.ExportTableToPointInTime} ...) go to the {@link DynamoDbExportService}
 * and exist only while one is bound: without it they are unknown operations, not a retryable 503,
 * since a server assembled without the export bundle does not offer them.
 */
public final class Router {

    private final Map<String, Route<?>> byTarget = new HashMap<>();
    /** The targets that exist only while their service is bound, with that service. */
    private final Map<String, Supplier<?>> whileBound = new HashMap<>();

    public Router(Supplier<DynamoDbService> dynamoDb, Supplier<DynamoDbStreamsService> streams) {
        this(dynamoDb, streams, () -> null);
    }

    public Router(Supplier<DynamoDbService> dynamoDb, Supplier<DynamoDbStreamsService> streams, Supplier<DynamoDbExportService> exports) {
        add(DynamoDbOperations.TARGET_PREFIX, DynamoDbOperations.all(), dynamoDb);
        add(DynamoDbStreamsOperations.TARGET_PREFIX, DynamoDbStreamsOperations.all(), streams);
        add(DynamoDbOperations.TARGET_PREFIX, DynamoDbExportOperations.all(), exports);
        DynamoDbExportOperations.all().forEach(operation -> whileBound.put(DynamoDbOperations.TARGET_PREFIX + operation.name(), exports));
    }

    /** The route a target names, or null if it names no operation of this server (matching is case-sensitive). */
    public Route<?> forTarget(String target) {
        if (target == null) return null;
        Supplier<?> service = whileBound.get(target);
        if (service != null && service.get() == null) return null;
        return byTarget.get(target);
    }

    private <S> void add(String prefix, List<Operation<S, ?, ?>> operations, Supplier<S> service) {
        for (Operation<S, ?, ?> operation : operations) {
            byTarget.put(prefix + operation.name(), new Route<>(operation, service));
        }
    }
}
