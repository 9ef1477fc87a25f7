package io.modyn.protocol.operation;

import io.modyn.api.backup.DynamoDbBackupService;
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
 * Local; each service may be absent on its own. The backup operations go to the
 * {@link DynamoDbBackupService}, the export and import operations
 * ({@code DynamoDB_20120810.ExportTableToPointInTime} ...) to the {@link DynamoDbExportService};
 * they exist only while their service is bound: without it they are unknown operations, not a
 * retryable 503, since a server assembled without that bundle does not offer them.
 */
public final class Router {

    private final Map<String, Route<?>> byTarget = new HashMap<>();
    /** Routes to services a server may be assembled without: while theirs is absent, their targets are unknown. */
    private final Map<String, Supplier<?>> optional = new HashMap<>();

    public Router(Supplier<DynamoDbService> dynamoDb, Supplier<DynamoDbStreamsService> streams) {
        this(dynamoDb, streams, () -> null, () -> null);
    }

    /**
     * A router that also sends the backup operations to the {@link DynamoDbBackupService} and the
     * export and import operations to the {@link DynamoDbExportService}, each while one is bound.
     */
    public Router(Supplier<DynamoDbService> dynamoDb, Supplier<DynamoDbStreamsService> streams, Supplier<DynamoDbBackupService> backups,
            Supplier<DynamoDbExportService> exports) {
        add(DynamoDbOperations.TARGET_PREFIX, DynamoDbOperations.all(), dynamoDb);
        add(DynamoDbStreamsOperations.TARGET_PREFIX, DynamoDbStreamsOperations.all(), streams);
        addOptional(DynamoDbBackupOperations.all(), backups);
        addOptional(DynamoDbExportOperations.all(), exports);
    }

    /**
     * The route a target names, or null if it names no operation of this server (matching is
     * case-sensitive), which includes an operation of an optional service that is not bound now.
     */
    public Route<?> forTarget(String target) {
        if (target == null) return null;
        Supplier<?> service = optional.get(target);
        if (service != null && service.get() == null) return null;
        return byTarget.get(target);
    }

    private <S> void addOptional(List<Operation<S, ?, ?>> operations, Supplier<S> service) {
        add(DynamoDbOperations.TARGET_PREFIX, operations, service);
        operations.forEach(operation -> optional.put(DynamoDbOperations.TARGET_PREFIX + operation.name(), service));
    }

    private <S> void add(String prefix, List<Operation<S, ?, ?>> operations, Supplier<S> service) {
        for (Operation<S, ?, ?> operation : operations) {
            byTarget.put(prefix + operation.name(), new Route<>(operation, service));
        }
    }
}
