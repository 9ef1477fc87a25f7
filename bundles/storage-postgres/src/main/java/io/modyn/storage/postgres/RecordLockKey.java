package io.modyn.storage.postgres;

import io.modyn.api.storage.PartitionToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 64-bit key of a record's advisory lock: a hash of (schema, keyspace, partition, sort), each
 * part length-prefixed so that no two keys concatenate to the same bytes. The schema is part of it
 * because advisory locks are database-wide and two Modyn deployments may share a database.
 *
 * <p>Two keys hashing alike only share a lock (a needless wait, or a detected deadlock that the
 * engine retries); they never lose an update.
 */
final class RecordLockKey {

    private RecordLockKey() {
    }

    static long of(String schema, String keyspace, byte[] partition, byte[] sort) {
        byte[] schemaBytes = schema.getBytes(StandardCharsets.UTF_8);
        byte[] keyspaceBytes = keyspace.getBytes(StandardCharsets.UTF_8);
        ByteBuffer key = ByteBuffer.allocate(16 + schemaBytes.length + keyspaceBytes.length + partition.length + sort.length);
        key.putInt(schemaBytes.length).put(schemaBytes);
        key.putInt(keyspaceBytes.length).put(keyspaceBytes);
        key.putInt(partition.length).put(partition);
        key.putInt(sort.length).put(sort);
        return PartitionToken.of(key.array());
    }
}
