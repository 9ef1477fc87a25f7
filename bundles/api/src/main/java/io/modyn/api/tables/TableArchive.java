package io.modyn.api.tables;

import io.modyn.api.dynamodb.TableDescription;
import java.time.Instant;

/**
 * A table's items as of one instant, in a keyspace of their own.
 *
 * @param keyspace where the items are
 * @param source the table as it was at that instant (definition, ARN, item count and size, encryption)
 * @param archivedAt the instant
 * @param manifest what the engine needs to read the archive again ({@link TableArchives#read}): keep it with the keyspace
 */
public record TableArchive(String keyspace, TableDescription source, Instant archivedAt, byte[] manifest) {
}
