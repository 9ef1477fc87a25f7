package io.modyn.api.storage;

/**
 * One record of a keyspace: its key (partition bytes, sort bytes) and its opaque value.
 * Tables without a sort key use an empty sort array. Arrays are owned by the record; do not modify.
 */
public record StorageRecord(byte[] partition, byte[] sort, byte[] value) {
}
