package io.modyn.api.backup;

/** UpdateContinuousBackups' {@code PointInTimeRecoverySpecification}, with the table; unset members are null. */
public record UpdateContinuousBackupsRequest(String tableName, Boolean pointInTimeRecoveryEnabled, Integer recoveryPeriodInDays) {
}
