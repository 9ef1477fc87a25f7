package io.modyn.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Short factories for secondary index declarations, so a CreateTable with indexes reads like its
 * JSON, and a bounded wait for the state of a global index that UpdateTable adds or removes.
 */
public final class SecondaryIndexes {

    private static final Duration POLL = Duration.ofMillis(50);

    private SecondaryIndexes() {
    }

    public static Projection all() {
        return Projection.builder().projectionType(ProjectionType.ALL).build();
    }

    public static Projection keysOnly() {
        return Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
    }

    public static Projection include(String... nonKeyAttributes) {
        return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(nonKeyAttributes).build();
    }

    /** A global index of an on-demand table (no ProvisionedThroughput). */
    public static GlobalSecondaryIndex gsi(String name, Projection projection, KeySchemaElement... keySchema) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keySchema).projection(projection).build();
    }

    public static LocalSecondaryIndex lsi(String name, Projection projection, KeySchemaElement... keySchema) {
        return LocalSecondaryIndex.builder().indexName(name).keySchema(keySchema).projection(projection).build();
    }

    /** The description of global index {@code index} of {@code table}, if the table lists it. */
    public static Optional<GlobalSecondaryIndexDescription> describeGsi(DynamoDbClient dynamo, String table, String index) {
        TableDescription description = dynamo.describeTable(describe -> describe.tableName(table)).table();
        return gsiOf(description, index);
    }

    public static Optional<GlobalSecondaryIndexDescription> gsiOf(TableDescription table, String index) {
        List<GlobalSecondaryIndexDescription> indexes = table.hasGlobalSecondaryIndexes() ? table.globalSecondaryIndexes() : List.of();
        return indexes.stream().filter(gsi -> gsi.indexName().equals(index)).findFirst();
    }

    /**
     * Polls DescribeTable until the table is ACTIVE and global index {@code index} is ACTIVE, handing
     * every description seen on the way to {@code observer} (to check the states it passes through).
     */
    public static GlobalSecondaryIndexDescription awaitGsiActive(DynamoDbClient dynamo, String table, String index,
                                                                 Duration timeout, Consumer<TableDescription> observer) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            TableDescription description = dynamo.describeTable(describe -> describe.tableName(table)).table();
            observer.accept(description);
            Optional<GlobalSecondaryIndexDescription> gsi = gsiOf(description, index);
            if (description.tableStatus() == TableStatus.ACTIVE && gsi.isPresent()
                    && "ACTIVE".equals(gsi.get().indexStatusAsString())) {
                return gsi.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Index " + index + " of " + table + " not ACTIVE within " + timeout.toSeconds()
                        + " s: " + description);
            }
            pause();
        }
    }

    /** Polls DescribeTable until the table is ACTIVE and no longer lists global index {@code index}. */
    public static void awaitGsiGone(DynamoDbClient dynamo, String table, String index, Duration timeout,
                                    Consumer<TableDescription> observer) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            TableDescription description = dynamo.describeTable(describe -> describe.tableName(table)).table();
            observer.accept(description);
            if (description.tableStatus() == TableStatus.ACTIVE && gsiOf(description, index).isEmpty()) return;
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Index " + index + " of " + table + " still listed after " + timeout.toSeconds()
                        + " s: " + description);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
