package io.modyn.api.backup;

/** DescribeContinuousBackups. */
public record DescribeContinuousBackupsRequest(String tableName) {
}
