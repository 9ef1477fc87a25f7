package io.modyn.api.storage;

/** Approximate size of a keyspace (record count and bytes of keys plus values), for DescribeTable. */
public record KeyspaceStatistics(long recordCount, long sizeBytes) {
}
